namespace RtChat.Web.Realtime;

/// <summary>
/// Who is typing in each room, each until their last signal is <c>Realtime:TypingTimeout</c> old. Marked by this node's
/// sockets and by the other nodes' (the backplane), so every node keeps the same list; <see cref="TypingPublisher"/>
/// takes the changes.
/// </summary>
public sealed class TypingRooms(RealtimeOptions options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Dictionary<string, DateTimeOffset>> _rooms = new();
    private readonly HashSet<int> _changed = [];

    public void Mark(int roomId, string userId)
    {
        var until = clock.GetUtcNow() + options.TypingTimeout;
        lock (_gate)
        {
            if (!_rooms.TryGetValue(roomId, out var typers)) _rooms[roomId] = typers = new();
            // Someone still typing changes nothing the rooms see: only a start or an expiry is sent.
            if (!typers.ContainsKey(userId)) _changed.Add(roomId);
            typers[userId] = until;
        }
    }

    /// <summary>A page opened in the room: the room's list goes out again at the next update if anyone types there.</summary>
    public void Opened(int roomId)
    {
        lock (_gate)
            if (_rooms.ContainsKey(roomId)) _changed.Add(roomId);
    }

    /// <summary>The rooms where someone started or stopped typing since the last call, each with who types there now.</summary>
    public IReadOnlyList<(int RoomId, IReadOnlyList<string> UserIds)> TakeChanges()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var (roomId, typers) in _rooms)
                foreach (var (userId, until) in typers)
                    if (until <= now && typers.Remove(userId)) _changed.Add(roomId);
            var changes = _changed.Select(roomId => (roomId, (IReadOnlyList<string>)[.. _rooms[roomId].Keys])).ToList();
            foreach (var roomId in _changed.Where(roomId => _rooms[roomId].Count == 0)) _rooms.Remove(roomId);
            _changed.Clear();
            return changes;
        }
    }
}
