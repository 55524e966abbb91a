namespace RtChat.Web.Realtime;

/// <summary>
/// While Redis was away, each node delivered only its own frames, so pages everywhere may have missed messages posted on
/// other nodes. When the node that was cut off is back, it says from which message on; every node then replays to each
/// of its rooms' sockets what came after (as a resume would), and the pages skip what they already have.
/// </summary>
public sealed class OutageCatchUp(LocalSockets sockets, MissedMessages missed, ILogger<OutageCatchUp> logger)
{
    public async Task ReplayAsync(long afterId, CancellationToken cancellationToken = default)
    {
        var rooms = sockets.RoomIds.ToList();
        try
        {
            foreach (var room in rooms)
                foreach (var frame in await missed.AfterAsync(room, afterId, changesSeen: null, cancellationToken))
                    sockets.Deliver(frame);
            logger.LogInformation("Replayed the messages after {MessageId} to the sockets of {Rooms} rooms after a Redis outage.", afterId, rooms.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The catch-up after a Redis outage failed: pages catch up when they reconnect.");
        }
    }
}
