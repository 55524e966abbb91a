namespace RtChat.Web.Domain.Chat;

/// <summary>A place to talk: the public room, a group an admin manages, or a private chat of two.</summary>
public partial class ChatRoom
{
    public const string PublicChatName = "public-chat";
    public const int NameMaxLength = 64;
    public const int TitleMaxLength = 128;

    private readonly List<Membership> _members = [];

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public RoomKind Kind { get; private set; }
    public string? Title { get; private set; }
    public string? AdminId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyCollection<Membership> Members => _members;

    /// <summary>Private rooms: both users' ids in order, unique in the database.</summary>
    public string? PairKey { get; private set; }

    /// <summary>Groups: the secret part of the invite link; resetting it retires the old link.</summary>
    public string? InviteCode { get; private set; }

    private ChatRoom() { }

    internal ChatRoom(string name, RoomKind kind, DateTimeOffset createdAt, string? title = null, string? adminId = null)
    {
        Name = name;
        Kind = kind;
        CreatedAt = createdAt;
        Title = title;
        AdminId = adminId;
    }

    /// <summary>A new group: its creator is its admin and first member.</summary>
    public static ChatRoom CreateGroup(string? title, string creatorId, DateTimeOffset now)
    {
        var room = new ChatRoom(RoomKeys.NewName(), RoomKind.Group, now, CleanTitle(title), creatorId) { InviteCode = RoomKeys.NewInviteCode() };
        room._members.Add(new Membership(room.Id, creatorId, now));
        return room;
    }

    /// <summary>The private chat of two people; the database keeps one per pair (<see cref="PairKey"/>).</summary>
    public static ChatRoom OpenPrivate(string userId, string otherId, DateTimeOffset now)
    {
        if (userId == otherId) throw new DomainRuleException("A private chat needs two people.");
        var room = new ChatRoom(RoomKeys.NewName(), RoomKind.Private, now) { PairKey = RoomKeys.Pair(userId, otherId) };
        room._members.Add(new Membership(room.Id, userId, now));
        room._members.Add(new Membership(room.Id, otherId, now));
        return room;
    }

    /// <summary>What the room is called on screen.</summary>
    public string DisplayTitle => TitleFor(Kind, Title, Name);

    public static string TitleFor(RoomKind kind, string? title, string name) => kind switch
    {
        RoomKind.Public => "Public chat",
        RoomKind.Private => "Private chat",
        _ => title ?? name,
    };

    internal static string CleanTitle(string? title)
    {
        var trimmed = title?.Trim() ?? "";
        if (trimmed.Length == 0) throw new DomainRuleException("Give the group a name.");
        if (trimmed.Length > TitleMaxLength) throw new DomainRuleException($"Group names are at most {TitleMaxLength} characters.");
        return trimmed;
    }
}
