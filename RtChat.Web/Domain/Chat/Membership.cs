namespace RtChat.Web.Domain.Chat;

public class Membership
{
    public int RoomId { get; private set; }
    public string UserId { get; private set; } = "";
    public AppUser User { get; private set; } = null!;
    public DateTimeOffset JoinedAt { get; private set; }
    public long LastReadMessageId { get; private set; }

    private Membership() { }

    internal Membership(int roomId, string userId, DateTimeOffset joinedAt)
    {
        RoomId = roomId;
        UserId = userId;
        JoinedAt = joinedAt;
    }

    public void MarkRead(long messageId) => LastReadMessageId = Math.Max(LastReadMessageId, messageId);
}
