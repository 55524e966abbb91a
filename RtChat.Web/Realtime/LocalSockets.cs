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

    /// <summary>
    /// Enumerates the dictionaries themselves (lock-free, no copy) rather than their <c>Values</c>, which would take every
    /// lock and copy the room into a new list for each frame.
    /// </summary>
    public void Deliver(RoomFrame frame)
    {
        if (frame.Room is null)
        {
            foreach (var (_, room) in _rooms)
                Enqueue(room, frame);
        }
        else if (_rooms.TryGetValue(frame.Room, out var room))
        {
            Enqueue(room, frame);
        }
    }

    private static void Enqueue(ConcurrentDictionary<Guid, ChatConnection> room, RoomFrame frame)
    {
        foreach (var (_, connection) in room)
            connection.Enqueue(frame);
    }

    /// <summary>Closes a user's sockets, in one room or everywhere (removed from a room, account deleted).</summary>
    public void Disconnect(string userId, string? room = null)
    {
        foreach (var connection in All.Where(c => c.UserId == userId && (room is null || c.Room == room)))
            connection.Drop("access ended");
    }
}
