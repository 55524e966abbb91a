namespace RtChat.Web.Domain.Chat;

/// <summary>One message. Ids only grow, so "everything after id N" is how a socket catches up.</summary>
public partial class ChatMessage
{
    public long Id { get; private set; }
    public int RoomId { get; private set; }
    public ChatRoom Room { get; private set; } = null!;
    public string AuthorId { get; private set; } = "";
    public AppUser Author { get; private set; } = null!;
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A shared image or file; the body is then its caption, and may be empty.</summary>
    public Attachment? Attachment { get; private set; }

    /// <summary>When its author last changed the text; none if never.</summary>
    public DateTimeOffset? EditedAt { get; private set; }

    /// <summary>When its author deleted it: the row stays as a tombstone (so replies and resumes find it) with nothing in it.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>The id of its newest <see cref="MessageChange"/> (0: never changed), written with the change.</summary>
    public long Version { get; private set; }

    /// <summary>
    /// The message this one answers, in the same room. No foreign key: the original may be deleted and the reply stays
    /// (it then says so).
    /// </summary>
    public long? ReplyToId { get; private set; }

    private readonly List<MessageMention> _mentions = [];

    /// <summary>Those the body names with <c>@username</c> who can read the room: their chat lists count it apart.</summary>
    public IReadOnlyCollection<MessageMention> Mentions => _mentions;

    /// <summary>
    /// The mentioned users as the body names them, <c>id:username</c> separated by spaces, in the order the body names
    /// them: kept with the message so that showing it reads no other table.
    /// </summary>
    public string MentionedUsers { get; private set; } = "";

    private ChatMessage() { }

    /// <remarks>Refers to its room by id only, so it can be committed by a unit of work other than the one that loaded the room.</remarks>
    internal ChatMessage(ChatRoom room, string authorId, string body, DateTimeOffset createdAt, Attachment? attachment = null)
    {
        RoomId = room.Id;
        AuthorId = authorId;
        Body = body;
        CreatedAt = createdAt;
        Attachment = attachment;
    }

    /// <summary>The author's new text, within <paramref name="window"/> of posting; the same text changes nothing.</summary>
    /// <returns>Whether the text changed.</returns>
    public bool Edit(string editorId, string? body, MessageRules rules, DateTimeOffset now, TimeSpan window)
    {
        EnsureEditable(editorId, now, window);
        var cleaned = Attachment is null ? rules.Clean(body) : rules.CleanCaption(body);
        if (cleaned == Body) return false;
        Body = cleaned;
        EditedAt = now;
        return true;
    }

    public bool IsAuthoredBy(string userId) => userId == AuthorId;

    /// <summary>Refuses, with the reason, unless <paramref name="editorId"/> may change the text at <paramref name="now"/>.</summary>
    public void EnsureEditable(string editorId, DateTimeOffset now, TimeSpan window)
    {
        EnsureAuthor(editorId, "edit");
        if (IsDeleted) throw new DomainRuleException("This message was deleted.");
        if (now - CreatedAt > window)
            throw new DomainRuleException($"Messages can be edited for {Describe(window)} after sending.");
    }

    /// <summary>The author takes the message back: its text and file go, a tombstone stays.</summary>
    /// <returns>Whether it was there to delete.</returns>
    public bool Delete(string deleterId, DateTimeOffset now)
    {
        EnsureAuthor(deleterId, "delete");
        if (IsDeleted) return false;
        Body = "";
        // The attachment's row goes with it, and the database queues its files.
        Attachment = null;
        DeletedAt = now;
        return true;
    }

    private void EnsureAuthor(string userId, string action)
    {
        if (!IsAuthoredBy(userId)) throw new DomainRuleException($"Only its author can {action} a message.");
    }

    private static string Describe(TimeSpan window) =>
        window.TotalHours >= 1 && window.TotalHours % 1 == 0 ? Plural((int)window.TotalHours, "hour")
        : window.TotalMinutes >= 1 && window.TotalMinutes % 1 == 0 ? Plural((int)window.TotalMinutes, "minute")
        : Plural((int)Math.Ceiling(window.TotalSeconds), "second");

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";

    internal void Answer(ReplyTarget? replyTo) => ReplyToId = replyTo?.MessageId;

    internal void Mention(IReadOnlyList<MentionedUser> users)
    {
        // Those still named keep their rows: an edit changes only whom it adds or drops.
        _mentions.RemoveAll(m => users.All(u => u.Id != m.UserId));
        foreach (var user in users.Where(u => _mentions.All(m => m.UserId != u.Id))) _mentions.Add(new MessageMention(user.Id));
        MentionedUsers = string.Join(' ', users.Select(u => u.Id + ":" + u.Username));
    }
}
