using System.Collections.Concurrent;

namespace RtChat.Web.Realtime;

/// <summary>This node's open sockets, by room. Delivery only queues: it never waits on a socket.</summary>
public sealed class LocalSockets
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, ChatConnection>> _rooms = new();

    public int Count => _rooms.Values.Sum(room => room.Count);

    public IEnumerable<ChatConnection> All => _rooms.Values.SelectMany(room => room.Values);

    public void Add(ChatConnection connection) =>
        _rooms.GetOrAdd(connection.Room, _ => new()).TryAdd(connection.Id, connection);

    public void Remove(ChatConnection connection)
    {
        if (_rooms.TryGetValue(connection.Room, out var room))
            room.TryRemove(connection.Id, out _);
    }

    public void Deliver(RoomFrame frame)
    {
        var targets = frame.Room is null
            ? All
            : _rooms.TryGetValue(frame.Room, out var room) ? room.Values : [];
        foreach (var connection in targets)
            connection.Enqueue(frame);
    }

    /// <summary>Closes a user's sockets, in one room or everywhere (removed from a room, account deleted).</summary>
    public void Disconnect(string userId, string? room = null)
    {
        foreach (var connection in All.Where(c => c.UserId == userId && (room is null || c.Room == room)))
            connection.Drop("access ended");
    }
}
