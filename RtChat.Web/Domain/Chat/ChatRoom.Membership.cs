namespace RtChat.Web.Domain.Chat;

public partial class ChatRoom
{
    /// <summary>Everyone signed in reads the public room; other rooms are for their members.</summary>
    public bool CanBeReadBy(string userId) =>
        Kind.IsReadByEveryone() || _members.Any(m => m.UserId == userId);

    public Membership Join(string userId, DateTimeOffset now)
    {
        var existing = _members.FirstOrDefault(m => m.UserId == userId);
        if (existing is not null) return existing;
        var membership = new Membership(Id, userId, now);
        _members.Add(membership);
        return membership;
    }
}
