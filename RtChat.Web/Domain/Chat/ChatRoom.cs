namespace RtChat.Web.Domain.Chat;

/// <summary>A place to talk: the public room, a group an admin manages, or a private chat of two.</summary>
public partial class ChatRoom
{
    public const string PublicChatName = "public-chat";
    public const int NameMaxLength = 64;
    public const int TitleMaxLength = 80;

    private readonly List<Membership> _members = [];

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public RoomKind Kind { get; private set; }
    public string? Title { get; private set; }
    public string? AdminId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyCollection<Membership> Members => _members;

    private ChatRoom() { }

    internal ChatRoom(string name, RoomKind kind, DateTimeOffset createdAt, string? title = null, string? adminId = null)
    {
        Name = name;
        Kind = kind;
        CreatedAt = createdAt;
        Title = title;
        AdminId = adminId;
    }

    /// <summary>What the room is called on screen.</summary>
    public string DisplayTitle => TitleFor(Kind, Title, Name);

    public static string TitleFor(RoomKind kind, string? title, string name) => kind == RoomKind.Public ? "Public chat" : title ?? name;
}
