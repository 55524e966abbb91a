using RtChat.Web.Data;

namespace RtChat.Web.Realtime;

/// <summary>
/// Tells the other web nodes what this one changed that they keep in memory, so they forget it too. One node alone has
/// no one to tell.
/// </summary>
public interface IOtherNodes
{
    void Forget(StaleCaches stale);

    /// <summary>The user's sessions were revoked (<see cref="Areas.Identity.Revocations"/>).</summary>
    void Revoked(string userId);
}

internal sealed class NoOtherNodes : IOtherNodes
{
    public void Forget(StaleCaches stale) { }

    public void Revoked(string userId) { }
}
