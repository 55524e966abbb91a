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
}
