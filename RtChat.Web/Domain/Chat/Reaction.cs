namespace RtChat.Web.Domain.Chat;

/// <summary>One person's emoji on a message: at most one of each emoji per person, toggled on the message.</summary>
public class Reaction
{
    // Each emoji people may react with, in the order the picker shows them, and the number it is stored as (never
    // reused): a number, because SQL Server's usual collations compare many emoji as equal.
    private static readonly (string Emoji, byte Code)[] Set = [("👍", 1), ("❤️", 2), ("😂", 3), ("😮", 4), ("😢", 5), ("🎉", 6)];

    public static readonly IReadOnlyList<string> Allowed = [.. Set.Select(e => e.Emoji)];

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

    internal static byte CodeOf(string emoji) => Array.Find(Set, e => e.Emoji == emoji).Code;

    // A code no longer in the set shows as a question mark rather than failing the page.
    internal static string EmojiOf(byte code) => Array.Find(Set, e => e.Code == code).Emoji ?? "❓";
}
