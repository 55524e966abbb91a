using System.Collections.Concurrent;

namespace RtChat.Web.Realtime;

/// <summary>This node's open sockets, by the room their page shows and by user. Delivery only queues: it never waits on a socket.</summary>
public sealed class LocalSockets
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, ChatConnection>> _rooms = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, ChatConnection>> _users = new();

    public int Count => _rooms.Values.Sum(room => room.Count);

    public IEnumerable<ChatConnection> All => _rooms.Values.SelectMany(room => room.Values);

    /// <summary>The rooms whose pages have a socket here.</summary>
    public IEnumerable<int> RoomIds => _rooms.Where(room => room.Key != 0 && !room.Value.IsEmpty).Select(room => room.Key);

    public IEnumerable<ChatConnection> OfUser(string userId) =>
        _users.TryGetValue(userId, out var connections) ? connections.Values : [];

    public int CountOf(string userId) => _users.TryGetValue(userId, out var connections) ? connections.Count : 0;

    public void Add(ChatConnection connection)
    {
        _rooms.GetOrAdd(connection.RoomId ?? 0, _ => new()).TryAdd(connection.Id, connection);
        _users.GetOrAdd(connection.UserId, _ => new()).TryAdd(connection.Id, connection);
    }

    public void Remove(ChatConnection connection)
    {
        if (_rooms.TryGetValue(connection.RoomId ?? 0, out var room))
            room.TryRemove(connection.Id, out _);
        if (_users.TryGetValue(connection.UserId, out var mine))
            mine.TryRemove(connection.Id, out _);
    }

    /// <summary>
    /// Enumerates the dictionaries themselves (lock-free, no copy) rather than their <c>Values</c>, which would take every
    /// lock and copy the room into a new list for each frame.
    /// </summary>
    public void Deliver(SocketFrame frame)
    {
        var to = frame.To;
        switch (to.Kind)
        {
            case AudienceKind.Room:
                if (_rooms.TryGetValue(to.RoomId, out var room)) Enqueue(room, frame);
                break;
            case AudienceKind.Everyone:
                // Skipping the excepted room's sockets as a whole: in a busy room that is most of the node. No exception
                // (0) skips nothing: 0 is also the key of the sockets on pages with no room.
                foreach (var (roomId, connections) in _rooms)
                    if (to.ExceptRoomId == 0 || roomId != to.ExceptRoomId) Enqueue(connections, frame);
                break;
            case AudienceKind.Users:
                foreach (var userId in to.UserIds ?? [])
                    if (_users.TryGetValue(userId, out var connections))
                        Enqueue(connections, frame);
                break;
        }
    }

    private static void Enqueue(ConcurrentDictionary<Guid, ChatConnection> connections, SocketFrame frame)
    {
        foreach (var (_, connection) in connections)
        {
            if (!frame.To.Includes(connection)) continue;
            if (frame.EndsSocket) connection.Close(frame.Payload);
            else connection.Enqueue(frame);
        }
    }
}
