using StackExchange.Redis;

namespace RtChat.Web.Realtime;

/// <summary>
/// Subscribes once Redis answers, so a node starts (and serves) without it. Messages are handled one at a time in the
/// order Redis sent them (a message queue, not concurrent handlers): frames must reach sockets in order.
/// </summary>
internal static class RedisSubscription
{
    public static async Task SubscribeWhenReachableAsync(
        IConnectionMultiplexer redis, RedisChannel channel, Action<RedisValue> handle, ILogger logger, CancellationToken stopping)
    {
        var subscriber = redis.GetSubscriber();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (redis.IsConnected)
                {
                    (await subscriber.SubscribeAsync(channel)).OnMessage(message => handle(message.Message));
                    return;
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogDebug(e, "Subscribing to {Channel} failed; trying again.", channel);
                // A queue the failed call may have left registered would fill with messages nobody reads.
                await subscriber.UnsubscribeAsync(channel, null, CommandFlags.FireAndForget);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), stopping);
        }
    }
}
