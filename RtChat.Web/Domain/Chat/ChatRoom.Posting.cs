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

    public const string ReplyElsewhere = "The message you are replying to is not in this chat any more. Cancel the reply and send again.";

    /// <summary>
    /// A new message that may answer another of this room (<paramref name="replyTo"/>) and mention users: those of
    /// <paramref name="known"/> the body names who can read the room (the author aside), at most
    /// <see cref="Mentions.MaxPerMessage"/>. For a private or group room the caller loads the named users' memberships.
    /// </summary>
    public ChatMessage Post(string authorId, string? body, MessageRules rules, DateTimeOffset now, ReplyTarget? replyTo,
        IReadOnlyCollection<MentionedUser> known)
    {
        var message = Post(authorId, body, rules, now);
        if (replyTo is not null && replyTo.RoomId != Id) throw new DomainRuleException(ReplyElsewhere);
        message.Answer(replyTo);
        message.Mention(MentionedIn(message, known));
        return message;
    }

    /// <summary>An edited message of this room mentions whom its new text names, by the same rules as a new one.</summary>
    public void MentionAgain(ChatMessage message, IReadOnlyCollection<MentionedUser> known)
    {
        if (message.RoomId != Id) throw new ArgumentException("The message is another room's.", nameof(message));
        message.Mention(MentionedIn(message, known));
    }

    private List<MentionedUser> MentionedIn(ChatMessage message, IReadOnlyCollection<MentionedUser> known)
    {
        var byName = known.DistinctBy(u => u.Username).ToDictionary(u => u.Username);
        return Mentions.Named(message.Body)
            .Select(name => byName.GetValueOrDefault(name))
            .OfType<MentionedUser>()
            .Where(user => user.Id != message.AuthorId && CanBeReadBy(user.Id))
            .Take(Mentions.MaxPerMessage)
            .ToList();
    }
}
