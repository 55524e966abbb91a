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

    /// <summary>A shared image or file, with an optional caption; the caller has stored its files and commits it.</summary>
    public ChatMessage Share(string authorId, Attachment attachment, string? caption, MessageRules rules, DateTimeOffset now)
    {
        if (!CanBeReadBy(authorId))
            throw new DomainRuleException("You are not a member of this chat.");
        return new ChatMessage(this, authorId, rules.CleanCaption(caption), now, attachment);
    }
}
