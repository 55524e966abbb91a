namespace RtChat.Web.Domain.Chat;

/// <summary>One person's emoji on a message: at most one of each emoji per person, toggled on the message.</summary>
public class Reaction
{
    /// <summary>The emoji people may react with, in the order the picker shows them.</summary>
    public static readonly IReadOnlyList<string> Allowed = ["👍", "❤️", "😂", "😮", "😢", "🎉"];

    /// <summary>Room for the longest allowed emoji (a base and a variation selector, in UTF-16).</summary>
    public const int EmojiMaxLength = 16;

    public static readonly string Refusal = $"React with one of {string.Join(" ", Allowed)}.";

    public long MessageId { get; private set; }
    public string UserId { get; private set; } = "";
    public AppUser User { get; private set; } = null!;
    public string Emoji { get; private set; } = "";
    public DateTimeOffset ReactedAt { get; private set; }

    private Reaction() { }

    internal Reaction(long messageId, string userId, string emoji, DateTimeOffset reactedAt)
    {
        MessageId = messageId;
        UserId = userId;
        Emoji = emoji;
        ReactedAt = reactedAt;
    }

    public static bool IsAllowed(string? emoji) => emoji is not null && Allowed.Contains(emoji, StringComparer.Ordinal);
}
