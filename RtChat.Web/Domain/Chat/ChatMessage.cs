namespace RtChat.Web.Domain.Chat;

/// <summary>One message. Ids only grow, so "everything after id N" is how a socket catches up.</summary>
public class ChatMessage
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

    internal void Answer(ReplyTarget? replyTo) => ReplyToId = replyTo?.MessageId;

    internal void Mention(IReadOnlyList<MentionedUser> users)
    {
        foreach (var user in users) _mentions.Add(new MessageMention(user.Id));
        MentionedUsers = string.Join(' ', users.Select(u => u.Id + ":" + u.Username));
    }
}
