namespace RtChat.Web.Domain.Chat;

public partial class ChatRoom
{
    private readonly List<Removal> _removals = [];

    /// <summary>Members the admin removed: the invite link does not let them back until the admin re-invites them.</summary>
    public IReadOnlyCollection<Removal> Removals => _removals;

    /// <summary>Everyone signed in reads the public room; other rooms are for their members.</summary>
    public bool CanBeReadBy(string userId) => Kind.IsReadByEveryone() || IsMember(userId);

    public bool IsMember(string userId) => _members.Any(m => m.UserId == userId);

    /// <summary>The newest message the user has seen here (of the members loaded); none before their first read of the public room.</summary>
    public long? ReadMarkOf(string userId) => _members.FirstOrDefault(m => m.UserId == userId)?.LastReadMessageId;

    public bool IsAdmin(string userId) => Kind == RoomKind.Group && AdminId == userId;

    public Membership Join(string userId, DateTimeOffset now)
    {
        var existing = _members.FirstOrDefault(m => m.UserId == userId);
        if (existing is not null) return existing;
        var membership = new Membership(Id, userId, now);
        _members.Add(membership);
        return membership;
    }

    /// <summary>Joins a group through its invite link: the current code, and not removed since.</summary>
    public Membership JoinByInvite(string userId, string? code, DateTimeOffset now)
    {
        if (Kind != RoomKind.Group || InviteCode is null || code != InviteCode)
            throw new DomainRuleException("This invite link is no longer valid. Ask the group's admin for a new one.");
        if (_removals.Any(r => r.UserId == userId))
            throw new DomainRuleException("The admin removed you from this group. Ask them to invite you again.");
        return Join(userId, now);
    }

    /// <summary>
    /// Leaves a group. An admin who leaves hands the group to the longest-standing member. Returns whether nobody is
    /// left, in which case the caller deletes the group.
    /// </summary>
    public bool Leave(string userId)
    {
        if (Kind != RoomKind.Group) throw new DomainRuleException("Only group chats can be left.");
        var membership = _members.FirstOrDefault(m => m.UserId == userId)
                         ?? throw new DomainRuleException("You are not a member of this group.");
        _members.Remove(membership);
        if (AdminId == userId)
            AdminId = _members.OrderBy(m => m.JoinedAt).ThenBy(m => m.UserId, StringComparer.Ordinal).FirstOrDefault()?.UserId;
        return _members.Count == 0;
    }
}
