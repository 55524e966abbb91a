using System.Collections.Concurrent;

namespace RtChat.Web.Realtime;

/// <summary>
/// Gathers presence changes and sends each changed room one update per interval: who came online and who went offline
/// since the last one (so a burst of joins is one frame, and its size follows the changes, not the room). A socket that
/// just opened gets the room's whole list from the same loop, so that list and the changes after it never cross.
/// The chat lists that show the room learn whether someone is on its page, when that changes. Also refreshes this node's
/// connections well within the TTL and expires the silent ones. Each node tells its own sockets: with several nodes each
/// reads the same counts (<see cref="RedisPresence"/>) and learns of changes made elsewhere through
/// <see cref="StalePresence"/>.
/// </summary>
public sealed class PresencePublisher(
    IPresence presence, StalePresence changes, LocalSockets sockets, ChatFrames frames, RoomListers listers, RealtimeOptions options,
    TimeProvider clock, ILogger<PresencePublisher> logger) : PeriodicWork(options.PresenceInterval, clock, logger)
{
    protected override string Name => "Presence update";

    private readonly ConcurrentQueue<ChatConnection> _opened = new();

    private static readonly IReadOnlySet<string> Nobody = new HashSet<string>();

    // Who each room's sockets were last told is online; read and written only by the loop.
    private readonly Dictionary<int, IReadOnlySet<string>> _announced = new();
    private DateTimeOffset _nextRefresh;
    private int _lastTotal = -1;

    public void MarkChanged(int? roomId) => changes.Mark(roomId);

    /// <summary>A socket opened (and already receives the room's frames): it gets the whole list at the next update.</summary>
    public void Opened(ChatConnection connection)
    {
        // Marked first: a socket the update finds queued has its room among those the update looks at, so the list it
        // gets already counts it.
        MarkChanged(connection.RoomId);
        _opened.Enqueue(connection);
    }

    protected internal override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (Clock.GetUtcNow() >= _nextRefresh)
        {
            await presence.RefreshAsync(sockets.All.Select(c => c.Id));
            _nextRefresh = Clock.GetUtcNow() + options.PresenceTtl / 3;
        }
        // Taken before the rooms: each of these sockets' rooms is then among them (see Opened).
        var opened = new List<ChatConnection>();
        while (_opened.TryDequeue(out var connection)) opened.Add(connection);
        foreach (var room in await presence.ExpireAsync())
            MarkChanged(room);
        var rooms = changes.TakeRooms().ToHashSet();
        if (changes.TakeEverything())
        {
            rooms.UnionWith(_announced.Keys);
            rooms.UnionWith(sockets.All.Select(c => c.RoomId ?? 0).Where(id => id != 0));
        }
        foreach (var room in rooms)
            await AnnounceChangesAsync(room, cancellationToken);
        await SendWholeListsAsync(opened);
        if (!changes.TakeSite()) return;
        // Every socket on the site gets the total, so it goes out only when it moved (a second tab does not move it).
        var total = await presence.OnlineTotalAsync();
        if (total == _lastTotal) return;
        _lastTotal = total;
        sockets.Deliver(await frames.OnlineTotalAsync(total));
    }

    private async Task AnnounceChangesAsync(int room, CancellationToken cancellationToken)
    {
        var online = await presence.OnlineInAsync(room);
        var before = _announced.GetValueOrDefault(room) ?? Nobody;
        var cameOnline = online.Where(user => !before.Contains(user)).ToList();
        var wentOffline = before.Where(user => !online.Contains(user)).ToList();
        if (online.Count == 0) _announced.Remove(room);
        else _announced[room] = online;
        if (cameOnline.Count == 0 && wentOffline.Count == 0) return;
        sockets.Deliver(await frames.PresenceChangesAsync(room, online.Count, cameOnline, wentOffline));
        if (DotOf(before) != DotOf(online))
            sockets.Deliver(await frames.RoomDotAsync(await listers.OfAsync(room, cancellationToken), room, online));
    }

    /// <summary>What a chat list's dot for the room depends on: nobody, the one person there (green for all but them), several.</summary>
    private static string DotOf(IReadOnlySet<string> online) => online.Count switch
    {
        0 => "",
        1 => online.First(),
        _ => "*",
    };

    /// <summary>Each room's list is rendered once for all the sockets that opened there since the last update.</summary>
    private async Task SendWholeListsAsync(IEnumerable<ChatConnection> opened)
    {
        var rendered = new Dictionary<int, SocketFrame>();
        foreach (var connection in opened)
        {
            if (connection.RoomId is not { } room) continue;
            if (!rendered.TryGetValue(room, out var frame))
                rendered[room] = frame = await frames.PresenceSnapshotAsync(room, _announced.GetValueOrDefault(room) ?? Nobody);
            connection.Enqueue(frame);
        }
    }
}
