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

    /// <summary>Someone is typing in a room (<see cref="TypingRooms"/>): every node shows it to its own sockets.</summary>
    void Typing(int roomId, string userId);
}

internal sealed class NoOtherNodes : IOtherNodes
{
    public void Forget(StaleCaches stale) { }

    public void Revoked(string userId) { }

    public void Typing(int roomId, string userId) { }
}
