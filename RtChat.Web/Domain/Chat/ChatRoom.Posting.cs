namespace RtChat.Web.Domain.Chat;

public partial class ChatRoom
{
    /// <summary>A new message by <paramref name="authorId"/>; the caller commits it, then broadcasts it.</summary>
    public ChatMessage Post(string authorId, string? body, MessageRules rules, DateTimeOffset now)
    {
        if (!CanBeReadBy(authorId))
            throw new DomainRuleException("You are not a member of this chat.");
        return new ChatMessage(this, authorId, rules.Clean(body), now);
    }
}
