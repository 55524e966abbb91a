using System.Threading.RateLimiting;

namespace RtChat.Web.Realtime;

/// <summary>At most <c>Chat:SendLimit</c> messages per user per <c>Chat:SendWindow</c>, sliding.</summary>
public sealed class SendThrottle(ChatOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(userId =>
        RateLimitPartition.GetSlidingWindowLimiter(userId, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.SendLimit,
            Window = options.SendWindow,
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
