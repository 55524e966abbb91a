using System.Collections.Concurrent;

namespace RtChat.Web.Realtime;

/// <summary>
/// Gathers presence changes and sends each changed room one update per interval (so a burst of joins is
/// one frame), refreshes this node's connections well within the TTL, and expires the silent ones.
/// </summary>
public sealed class PresencePublisher(
    IPresence presence, LocalSockets sockets, ChatFrames frames, IBackplane backplane, RealtimeOptions options,
    TimeProvider clock, ILogger<PresencePublisher> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, byte> _changed = new();
    private DateTimeOffset _nextRefresh;
    private int _lastTotal = -1;

    public void MarkChanged(string room) => _changed[room] = 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PresenceInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Presence update failed");
            }
        }
    }

    internal async Task TickAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() >= _nextRefresh)
        {
            await presence.RefreshAsync(sockets.All.Select(c => c.Id));
            _nextRefresh = clock.GetUtcNow() + options.PresenceTtl / 3;
        }
        foreach (var room in await presence.ExpireAsync())
            MarkChanged(room);
        if (_changed.IsEmpty) return;

        foreach (var room in _changed.Keys)
        {
            _changed.TryRemove(room, out _);
            await backplane.PublishAsync(await frames.PresenceAsync(room, await presence.OnlineInAsync(room)), cancellationToken);
        }
        // Every socket on the site gets the total, so it goes out only when it moved (a second tab does not move it).
        var total = await presence.OnlineTotalAsync();
        if (total == _lastTotal) return;
        _lastTotal = total;
        await backplane.PublishAsync(await frames.OnlineTotalAsync(total), cancellationToken);
    }
}
