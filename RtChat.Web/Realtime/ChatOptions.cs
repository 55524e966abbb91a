using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>The <c>Chat</c> section: message length and how fast one person may send and react.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    public int MaxMessageLength { get; set; } = MessageRules.DefaultMaxLength;
    public int SendLimit { get; set; } = 20;
    public TimeSpan SendWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Reaction toggles one user may make per <see cref="ReactionWindow"/>: each sends every page of the room a frame.</summary>
    public int ReactionLimit { get; set; } = 20;
    public TimeSpan ReactionWindow { get; set; } = TimeSpan.FromSeconds(10);

    public MessageRules Rules => new(Math.Clamp(MaxMessageLength, 1, MessageRules.HardMaxLength));
}
