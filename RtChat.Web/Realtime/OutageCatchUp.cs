namespace RtChat.Web.Realtime;

/// <summary>
/// While Redis was away, each node delivered only its own frames, so pages everywhere may have missed messages posted on
/// other nodes. When the node that was cut off is back, it says from which message and change on; every node then replays
/// to each of its rooms' sockets what came after (as a resume would), and the pages keep what they already have, or the newer version.
/// </summary>
public sealed class OutageCatchUp(LocalSockets sockets, MissedMessages missed, ILogger<OutageCatchUp> logger)
{
    /// <param name="after">
    /// Where pages may have missed messages and changes from. No change delivered yet (0): no changes replayed, as every
    /// room's whole change log would be.
    /// </param>
    public async Task ReplayAsync(CatchUpPoint after, CancellationToken cancellationToken = default)
    {
        var rooms = sockets.RoomIds.ToList();
        var changesSeen = after.ChangeId > 0 ? after.ChangeId : (long?)null;
        try
        {
            foreach (var room in rooms)
                foreach (var frame in await missed.AfterAsync(room, after.MessageId, changesSeen, cancellationToken))
                    sockets.Deliver(frame);
            logger.LogInformation("Replayed the messages after {MessageId} and changes after {ChangeId} to the sockets of {Rooms} rooms after a Redis outage.",
                after.MessageId, after.ChangeId, rooms.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The catch-up after a Redis outage failed: pages catch up when they reconnect.");
        }
    }
}
