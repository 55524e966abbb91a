using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>The <c>Chat</c> section: message length and how fast one person may send.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    public int MaxMessageLength { get; set; } = MessageRules.DefaultMaxLength;
    public int SendLimit { get; set; } = 20;
    public TimeSpan SendWindow { get; set; } = TimeSpan.FromSeconds(10);

    public MessageRules Rules => new(Math.Clamp(MaxMessageLength, 1, MessageRules.HardMaxLength));
}
