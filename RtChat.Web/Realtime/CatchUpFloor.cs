namespace RtChat.Web.Realtime;

/// <summary>
/// During a Redis outage, and for a while after it, a page's newest message says little of what it has: its node kept
/// delivering its own messages while the other nodes' never came. A resume in that time starts from the newest message
/// delivered before the outage instead of the page's newest (the page skips what it has), so a page that reconnects
/// after the replay to open sockets still gets what it missed.
/// </summary>
public sealed class CatchUpFloor(TimeProvider clock)
{
    // Long enough for a page's reconnect backoff (htmx's full jitter tops out at 64 s).
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(2);

    private readonly Lock _gate = new();
    private long _floor = long.MaxValue;
    private DateTimeOffset _until = DateTimeOffset.MinValue;

    /// <summary>This node lost Redis after delivering up to <paramref name="newestDelivered"/>: the floor holds until it catches up.</summary>
    public void OutageBegan(long newestDelivered)
    {
        lock (_gate)
        {
            _floor = Active ? Math.Min(_floor, newestDelivered) : newestDelivered;
            _until = DateTimeOffset.MaxValue;
        }
    }

    /// <summary>A catch-up after <paramref name="afterId"/> was heard (from any node): the floor holds for the window.</summary>
    public void CaughtUp(long afterId)
    {
        lock (_gate)
        {
            _floor = Active ? Math.Min(_floor, afterId) : afterId;
            _until = clock.GetUtcNow() + Window;
        }
    }

    /// <summary>Where a resume from <paramref name="afterId"/> starts.</summary>
    public long From(long afterId)
    {
        lock (_gate)
            return Active ? Math.Min(afterId, _floor) : afterId;
    }

    private bool Active => clock.GetUtcNow() < _until;
}
