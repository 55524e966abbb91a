namespace RtChat.Web.Domain.Chat;

/// <summary>A user a message mentions: what their chat list's "@" badge counts.</summary>
public class MessageMention
{
    public long MessageId { get; private set; }
    public string UserId { get; private set; } = "";

    private MessageMention() { }

    internal MessageMention(string userId) => UserId = userId;
}
