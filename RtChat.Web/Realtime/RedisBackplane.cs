using System.Collections.Concurrent;
using RtChat.Web.Areas.Identity;
using RtChat.Web.Data;
using StackExchange.Redis;

namespace RtChat.Web.Realtime;

/// <summary>
/// Frames, cache forgets, revocations and typing signals through one Redis pub/sub channel. Every node, the publisher
/// included, delivers the frames it receives to its own sockets, so all nodes deliver in the order Redis received them. While Redis is
/// unreachable a frame goes straight to this node's sockets (pages elsewhere catch up by their resume when they reconnect)
/// and the other nodes miss the forgets (so when it is back, each node forgets all it keeps); the multiplexer reconnects
/// and subscribes again by itself, and pages everywhere get what they missed (<see cref="OutageCatchUp"/>).
/// </summary>
internal sealed class RedisBackplane(
    RedisNode self, IConnectionMultiplexer redis, LocalSockets sockets, PageCaches caches, Revocations revocations,
    OutageCatchUp catchUp, CatchUpFloor floor, TypingRooms typing, ILogger<RedisBackplane> logger)
    : IBackplane, IOtherNodes, INodeDeaths, IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("rtchat:backplane");

    private readonly Guid _node = self.Id;
    private int _unreachable;
    private long _newestDelivered;
    private long _newestChangeDelivered;

    // The newest message and change each node published: a node that dies may have committed newer ones it never published.
    private readonly ConcurrentDictionary<Guid, CatchUpPoint> _newestFrom = new();

    // The newest message delivered here before an outage whose catch-up has not been heard yet (-1 when none), and change.
    private long _catchUpAfter = -1;
    private long _catchUpChangesAfter;
    private TaskCompletionSource _catchUpHeard = new();

    public async Task PublishAsync(SocketFrame frame, CancellationToken cancellationToken = default)
    {
        if (!await TryPublishAsync(new BackplaneMessage(_node, Frame: frame)))
            Deliver(frame);
    }

    public void Forget(StaleCaches stale) => _ = TryPublishAsync(new BackplaneMessage(_node, Stale: stale));

    public void Revoked(string userId) => _ = TryPublishAsync(new BackplaneMessage(_node, RevokedUser: userId));

    public void Typing(int roomId, string userId) => _ = TryPublishAsync(new BackplaneMessage(_node, Typing: new TypingSignal(roomId, userId)));

    /// <summary>
    /// A node stopped beating (see <see cref="RedisPresence"/>): it may have died between committing messages and
    /// publishing them, so every node replays what came after the newest it published.
    /// </summary>
    public void Died(Guid node)
    {
        // One that published only changes: the newest message delivered here bounds what it could have committed unseen.
        if (_newestFrom.TryRemove(node, out var newest))
            _ = TryPublishAsync(new BackplaneMessage(_node, CatchUpAfter: newest.MessageId > 0 ? newest : newest with { MessageId = Volatile.Read(ref _newestDelivered) }));
    }

    private readonly CancellationTokenSource _stopping = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionFailed += (_, e) => Unreachable(e.Exception);
        redis.ConnectionRestored += (_, _) => Reachable();
        _ = RedisSubscription.SubscribeWhenReachableAsync(redis, Channel, Receive, logger, _stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await redis.GetSubscriber().UnsubscribeAsync(Channel, null, CommandFlags.FireAndForget);
    }

    private async Task<bool> TryPublishAsync(BackplaneMessage message)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, BackplaneWire.Encode(message));
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Unreachable(e);
            return false;
        }
    }

    private void Receive(RedisValue value)
    {
        BackplaneMessage message;
        try
        {
            message = BackplaneWire.Decode((byte[])value!);
        }
        catch (InvalidDataException e)
        {
            logger.LogWarning(e, "Ignored a message on the backplane channel that is not one of ours ({Bytes} bytes).", value.Length());
            return;
        }
        if (message.Frame is { } frame)
        {
            if (frame.CarriesMessage || frame.ChangesMessage)
                _newestFrom.AddOrUpdate(message.Sender, new CatchUpPoint(frame.MessageId, frame.ChangeId),
                    (_, newest) => new CatchUpPoint(Math.Max(newest.MessageId, frame.MessageId), Math.Max(newest.ChangeId, frame.ChangeId)));
            Deliver(frame);
        }
        else if (message.CatchUpAfter is { } point) CatchUpHeard(message.Sender, point);
        else if (message.Sender == _node) return;
        else if (message.Stale is { } stale) caches.Forget(stale);
        else if (message.RevokedUser is { } userId) revocations.Record(userId);
        else if (message.Typing is { } signal) typing.Mark(signal.RoomId, signal.UserId);
    }

    private void Deliver(SocketFrame frame)
    {
        if (frame.CarriesMessage) InterlockedMax(ref _newestDelivered, frame.MessageId);
        if (frame.ChangesMessage) InterlockedMax(ref _newestChangeDelivered, frame.ChangeId);
        sockets.Deliver(frame);
    }

    private void Unreachable(Exception? e)
    {
        if (Interlocked.Exchange(ref _unreachable, 1) != 0) return;
        if (Interlocked.CompareExchange(ref _catchUpAfter, Volatile.Read(ref _newestDelivered), -1) == -1)
            Volatile.Write(ref _catchUpChangesAfter, Volatile.Read(ref _newestChangeDelivered));
        floor.OutageBegan(Volatile.Read(ref _catchUpAfter));
        logger.LogWarning(e, "Redis is unreachable: frames reach this node's sockets only, and other nodes miss this one's cache forgets, until it is back.");
    }

    // The forgets other nodes published while Redis was away never came: anything kept may be stale. The frames did not
    // come either, nor did this node's reach the others: every node replays what came after the last one delivered here.
    private void Reachable()
    {
        caches.ForgetAll();
        if (Interlocked.Exchange(ref _unreachable, 0) == 0) return;
        logger.LogInformation("Redis is reachable again: frames go to every node.");
        if (Volatile.Read(ref _catchUpAfter) is var afterId and >= 0) _ = CatchUpAsync(new CatchUpPoint(afterId, Volatile.Read(ref _catchUpChangesAfter)));
    }

    /// <summary>
    /// Says where to catch up from until this node hears itself say it: its subscription may come back after its
    /// connection does, and a replay before that would leave a gap.
    /// </summary>
    private async Task CatchUpAsync(CatchUpPoint after)
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _catchUpHeard, heard);
        // A later restore starts its own loop (Redis can be lost and found again while this one runs): this one then ends.
        for (var attempt = 0; attempt < 60 && !heard.Task.IsCompleted && Volatile.Read(ref _catchUpHeard) == heard; attempt++)
        {
            await TryPublishAsync(new BackplaneMessage(_node, CatchUpAfter: after));
            await Task.WhenAny(heard.Task, Task.Delay(TimeSpan.FromSeconds(1)));
        }
        if (heard.Task.IsCompleted || Volatile.Read(ref _catchUpHeard) != heard) return;
        floor.CaughtUp(after.MessageId);
        logger.LogWarning("The catch-up after a Redis outage was not heard back: pages catch up when they reconnect.");
    }

    private void CatchUpHeard(Guid sender, CatchUpPoint after)
    {
        if (sender == _node && Volatile.Read(ref _catchUpHeard).TrySetResult())
            Interlocked.CompareExchange(ref _catchUpAfter, -1, after.MessageId);
        floor.CaughtUp(after.MessageId);
        _ = catchUp.ReplayAsync(after);
    }

    private static void InterlockedMax(ref long location, long value)
    {
        var current = Volatile.Read(ref location);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
