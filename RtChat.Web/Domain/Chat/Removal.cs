namespace RtChat.Web.Domain.Chat;

/// <summary>A member the admin removed from a group, kept so the invite link does not let them straight back.</summary>
public class Removal
{
    public int RoomId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTimeOffset RemovedAt { get; private set; }

    private Removal() { }

    internal Removal(int roomId, string userId, DateTimeOffset removedAt)
    {
        RoomId = roomId;
        UserId = userId;
        RemovedAt = removedAt;
    }
}
