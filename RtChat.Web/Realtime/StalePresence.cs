using System.Collections.Concurrent;

namespace RtChat.Web.Realtime;

/// <summary>
/// What the presence update has to look at again: rooms whose online people may have changed (here or on another node),
/// whether the site's total may have, or everything (Redis came back or went away, a node died).
/// </summary>
public sealed class StalePresence
{
    private readonly ConcurrentDictionary<int, byte> _rooms = new();
    private int _site;
    private int _everything;

    /// <summary>A socket opened or closed: its room (if any) and the site's total.</summary>
    public void Mark(int? roomId)
    {
        if (roomId is { } id) _rooms[id] = 0;
        MarkSite();
    }

    public void MarkSite() => Volatile.Write(ref _site, 1);

    public void MarkEverything()
    {
        Volatile.Write(ref _everything, 1);
        MarkSite();
    }

    public IReadOnlyCollection<int> TakeRooms()
    {
        var rooms = new List<int>();
        foreach (var room in _rooms.Keys)
            if (_rooms.TryRemove(room, out _)) rooms.Add(room);
        return rooms;
    }

    public bool TakeSite() => Interlocked.Exchange(ref _site, 0) == 1;

    public bool TakeEverything() => Interlocked.Exchange(ref _everything, 0) == 1;
}
