using RtChat.Web.Realtime;

namespace RtChat.Web.Areas.Identity;

/// <summary>
/// Ends a user's sessions: a new security stamp (every cookie with the old one fails its check), recorded so cookies are
/// checked on their next request on every node (<see cref="Revocations"/>), and their open pages told and closed. The session asking
/// keeps going with a renewed cookie.
/// </summary>
public sealed class SessionEnding(UserManager<AppUser> users, SignInManager<AppUser> signIn, Revocations revocations, ChatFrames frames,
    IBackplane backplane, IOtherNodes otherNodes)
{
    public const string Ended = "You were signed out: your password changed or you logged out of your other sessions.";
    public const string Deleted = "This account was deleted.";
    public const string EmailTakenBack = "You were signed out: the account's email change was undone from its old address.";

    /// <summary>Every session but the one of this request.</summary>
    public async Task EndOtherSessionsAsync(AppUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        await EndedAsync(user.Id, keptStamp: await users.GetSecurityStampAsync(user));
    }

    /// <summary>The stamp already changed (a new password, say): the sessions without <paramref name="keptStamp"/> end.</summary>
    public async Task EndedAsync(string userId, string? keptStamp, string reason = Ended)
    {
        revocations.Record(userId);
        otherNodes.Revoked(userId);
        await backplane.PublishAsync(await frames.SessionEndedAsync(userId, keptStamp, reason));
    }
}
