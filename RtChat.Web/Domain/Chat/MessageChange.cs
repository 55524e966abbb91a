namespace RtChat.Web.Domain.Chat;

/// <summary>
/// A message of a room changed after it was sent (edited, deleted, reacted to). Ids only grow, so a page that was away
/// asks for the changes after the newest it saw, as it asks for the messages after its newest.
/// </summary>
public class MessageChange
{
    public long Id { get; private set; }
    public int RoomId { get; private set; }

    /// <summary>No reference: the message may be gone for good (an admin's deletion), and the change says so.</summary>
    public long MessageId { get; private set; }
    public DateTimeOffset At { get; private set; }

    private MessageChange() { }

    public MessageChange(int roomId, long messageId, DateTimeOffset at)
    {
        RoomId = roomId;
        MessageId = messageId;
        At = at;
    }
}
