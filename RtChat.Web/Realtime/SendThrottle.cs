using System.Threading.RateLimiting;

namespace RtChat.Web.Realtime;

/// <summary>At most <paramref name="limit"/> acts per user per <paramref name="window"/>, sliding.</summary>
public abstract class UserThrottle(int limit, TimeSpan window) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(userId =>
        RateLimitPartition.GetSlidingWindowLimiter(userId, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = window,
            SegmentsPerWindow = 10,
            QueueLimit = 0,
        }));

    public bool TryAcquire(string userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>At most <c>Chat:SendLimit</c> messages per user per <c>Chat:SendWindow</c>.</summary>
public sealed class SendThrottle(ChatOptions options) : UserThrottle(options.SendLimit, options.SendWindow);

/// <summary>Edits and deletions of one's messages: as many as sends, counted apart (a burst of edits never blocks sending).</summary>
public sealed class ChangeThrottle(ChatOptions options) : UserThrottle(options.SendLimit, options.SendWindow);

/// <summary>At most <c>Realtime:SocketOpensPerMinute</c> socket opens per user: a page that reconnects in a loop, or a script opening many, is refused.</summary>
public sealed class SocketOpenThrottle(RealtimeOptions options) : UserThrottle(options.SocketOpensPerMinute, TimeSpan.FromMinutes(1));

/// <summary>One typing signal per user a second: a page sends one every two seconds while its reader types, a flood is ignored.</summary>
public sealed class TypingThrottle() : UserThrottle(1, TimeSpan.FromSeconds(1));
