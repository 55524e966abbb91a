using RtChat.Web.Areas.Identity;
using RtChat.Web.Data;
using StackExchange.Redis;

namespace RtChat.Web.Realtime;

/// <summary>
/// Frames, cache forgets and revocations through one Redis pub/sub channel. Every node, the publisher included, delivers
/// the frames it receives to its own sockets, so all nodes deliver in the order Redis received them. While Redis is
/// unreachable a frame goes straight to this node's sockets (pages elsewhere catch up by their resume when they reconnect)
/// and the other nodes miss the forgets (so when it is back, each node forgets all it keeps); the multiplexer reconnects
/// and subscribes again by itself.
/// </summary>
internal sealed class RedisBackplane(
    IConnectionMultiplexer redis, LocalSockets sockets, PageCaches caches, Revocations revocations, ILogger<RedisBackplane> logger)
    : IBackplane, IOtherNodes, IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("rtchat:backplane");

    private readonly Guid _node = Guid.NewGuid();
    private int _unreachable;

    public async Task PublishAsync(SocketFrame frame, CancellationToken cancellationToken = default)
    {
        if (!await TryPublishAsync(new BackplaneMessage(_node, Frame: frame)))
            sockets.Deliver(frame);
    }

    public void Forget(StaleCaches stale) => _ = TryPublishAsync(new BackplaneMessage(_node, Stale: stale));

    public void Revoked(string userId) => _ = TryPublishAsync(new BackplaneMessage(_node, RevokedUser: userId));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionFailed += (_, e) => Unreachable(e.Exception);
        redis.ConnectionRestored += (_, _) => Reachable();
        (await redis.GetSubscriber().SubscribeAsync(Channel)).OnMessage(message => Receive(message.Message));
    }

    public Task StopAsync(CancellationToken cancellationToken) => redis.GetSubscriber().UnsubscribeAsync(Channel);

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
        if (message.Frame is { } frame) sockets.Deliver(frame);
        else if (message.Sender == _node) return;
        else if (message.Stale is { } stale) caches.Forget(stale);
        else if (message.RevokedUser is { } userId) revocations.Record(userId);
    }

    private void Unreachable(Exception? e)
    {
        if (Interlocked.Exchange(ref _unreachable, 1) == 0)
            logger.LogWarning(e, "Redis is unreachable: frames reach this node's sockets only, and other nodes miss this one's cache forgets, until it is back.");
    }

    // The forgets other nodes published while Redis was away never came: anything kept may be stale.
    private void Reachable()
    {
        caches.ForgetAll();
        if (Interlocked.Exchange(ref _unreachable, 0) == 1)
            logger.LogInformation("Redis is reachable again: frames go to every node.");
    }
}
