namespace RtChat.Web.Areas.Identity;

/// <summary>
/// Failed sign-ins for names and addresses that have no account, counted as Identity counts a real account's, so that
/// "this account is locked" does not tell which accounts exist. Per node, bounded, and forgotten after the lockout.
/// </summary>
public sealed class UnknownLoginLockouts : IDisposable
{
    private readonly Memo<string, Attempts> _attempts = new(limit: 10_000, keptFor: AccountsSetup.LockoutDuration);
    private readonly Lock _gate = new();

    /// <summary>Counts a failure for <paramref name="login"/>; returns when its lockout ends if it is now locked out.</summary>
    public DateTimeOffset? Failed(string login)
    {
        var key = login.Trim().ToUpperInvariant();
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            var attempts = _attempts.TryGet(key, out var kept) ? kept : new Attempts(0, now);
            if (attempts.LockedUntil > now)
                return attempts.LockedUntil;
            // As Identity does: the failure that reaches the limit locks, and the count starts again.
            attempts = attempts.Failures + 1 >= AccountsSetup.MaxFailedLogins
                ? new Attempts(0, now + AccountsSetup.LockoutDuration)
                : attempts with { Failures = attempts.Failures + 1 };
            _attempts.Keep(key, attempts);
            return attempts.LockedUntil > now ? attempts.LockedUntil : null;
        }
    }

    public void Dispose() => _attempts.Dispose();

    private sealed record Attempts(int Failures, DateTimeOffset LockedUntil);
}
