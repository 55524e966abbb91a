namespace RtChat.Web.Realtime;

/// <summary>At most <c>Chat:ReactionLimit</c> reaction toggles per user per <c>Chat:ReactionWindow</c>.</summary>
public sealed class ReactionThrottle(ChatOptions options) : UserThrottle(options.ReactionLimit, options.ReactionWindow)
{
    public const string Refusal = "You're reacting too fast. Wait a few seconds and try again.";
}
