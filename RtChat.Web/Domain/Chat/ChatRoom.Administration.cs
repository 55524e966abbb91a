namespace RtChat.Web.Domain.Chat;

/// <summary>What a group's admin may do, and only they.</summary>
public partial class ChatRoom
{
    public void Rename(string? title, string byUserId)
    {
        EnsureAdmin(byUserId);
        Title = CleanTitle(title);
    }

    /// <summary>Removes a member; the caller closes their sockets for the room once this is saved.</summary>
    public void Remove(string memberId, string byUserId, DateTimeOffset now)
    {
        EnsureAdmin(byUserId);
        if (memberId == byUserId) throw new DomainRuleException("To leave your own group, use Leave.");
        var membership = _members.FirstOrDefault(m => m.UserId == memberId)
                         ?? throw new DomainRuleException("That person is not a member of this group.");
        _members.Remove(membership);
        if (_removals.All(r => r.UserId != memberId))
            _removals.Add(new Removal(Id, memberId, now));
    }

    /// <summary>Lets a removed member join again through the invite link.</summary>
    public void Reinvite(string userId, string byUserId)
    {
        EnsureAdmin(byUserId);
        _removals.RemoveAll(r => r.UserId == userId);
    }

    /// <summary>A new invite link; the old one stops working.</summary>
    public void ResetInvite(string byUserId)
    {
        EnsureAdmin(byUserId);
        InviteCode = RoomKeys.NewInviteCode();
    }

    public void EnsureAdmin(string userId)
    {
        if (!IsAdmin(userId)) throw new DomainRuleException("Only the group's admin can do that.");
    }
}
