using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>The <c>Chat</c> section: message length, how fast one person may send and react, and how long a message stays editable.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    public int MaxMessageLength { get; set; } = MessageRules.DefaultMaxLength;
    public int SendLimit { get; set; } = 20;
    public TimeSpan SendWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Reaction toggles one user may make per <see cref="ReactionWindow"/>: each sends every page of the room a frame.</summary>
    public int ReactionLimit { get; set; } = 20;
    public TimeSpan ReactionWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long after sending its author may change a message's text (deleting it has no limit).</summary>
    public TimeSpan EditWindow { get; set; } = TimeSpan.FromMinutes(15);

    public MessageRules Rules => new(Math.Clamp(MaxMessageLength, 1, MessageRules.HardMaxLength));
}
