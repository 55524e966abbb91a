using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace RtChat.Web.Areas.Identity;

/// <summary>
/// When each user's sessions were last revoked (password changed, "log out of other sessions", account deleted): a
/// sign-in cookie issued before that is checked against the database on its next request instead of when its periodic
/// check is due, so a revoked session ends at once. Kept only as long as the periodic check, which catches the rest.
/// </summary>
public sealed class Revocations(IOptions<SecurityStampValidatorOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revokedAt = new();

    public void Record(string userId)
    {
        var now = clock.GetUtcNow();
        _revokedAt[userId] = now;
        foreach (var (id, at) in _revokedAt)
            if (now - at > options.Value.ValidationInterval)
                _revokedAt.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, at));
    }

    /// <summary>Whether a cookie issued at <paramref name="issued"/> for the user may have been revoked since.</summary>
    public bool MayHaveRevoked(string? userId, DateTimeOffset issued) =>
        userId is not null && _revokedAt.TryGetValue(userId, out var at) && issued <= at;
}
