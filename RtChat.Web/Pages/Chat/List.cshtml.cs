using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Realtime;

namespace RtChat.Web.Pages.Chat;

/// <summary>
/// <c>/chat/list</c>: the signed-in user's chats for the header's menu, newest activity first, each with its unread
/// count and whether someone else is on its page. The page loads it after it shows, and again when its socket reopens
/// (what changed meanwhile); the socket keeps it current in between.
/// </summary>
[Authorize]
public class ListModel(AppDbContext db, IPresence presence) : PageModel
{
    /// <summary>Unread messages are counted up to this many; the badge says "99+" past it.</summary>
    public const int UnreadCounted = 100;

    public IReadOnlyList<ChatListItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var items = await ChatListItem.Query(db, me).ToListAsync();
        var online = await Task.WhenAll(items.Select(item => presence.OnlineInAsync(item.RoomId)));
        for (var i = 0; i < items.Count; i++)
            items[i].Online = online[i];
        Items = items.OrderByDescending(i => i.LastActivity).ThenByDescending(i => i.RoomId).ToList();
        return Partial("_ChatList", this);
    }
}

/// <summary>One chat in the list.</summary>
public sealed class ChatListItem
{
    public int RoomId { get; init; }
    public string Name { get; init; } = "";
    public RoomKind Kind { get; init; }
    public string? Title { get; init; }
    public MemberCard? Other { get; init; }
    public long LastMessageId { get; init; }
    public DateTimeOffset LastActivity { get; init; }
    public int Unread { get; init; }

    /// <summary>Someone mentioned the reader in a message after their read mark: the list shows "@".</summary>
    public bool Mentioned { get; init; }
    public IReadOnlySet<string> Online { get; set; } = new HashSet<string>();

    public string DisplayTitle => Other?.Name ?? ChatRoom.TitleFor(Kind, Title, Name);

    public string UnreadText => Unread >= ListModel.UnreadCounted ? "99+" : Unread.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The public room and every room the user is a member of. Unread: others' messages after the user's read mark.</summary>
    public static IQueryable<ChatListItem> Query(AppDbContext db, string userId) =>
        db.Rooms.AsNoTracking()
            .Where(r => r.Kind == RoomKind.Public || r.Members.Any(m => m.UserId == userId))
            .Select(r => new ChatListItem
            {
                RoomId = r.Id,
                Name = r.Name,
                Kind = r.Kind,
                Title = r.Title,
                Other = r.Kind != RoomKind.Private ? null
                    : r.Members.Where(m => m.UserId != userId).AsQueryable().Select(RoomMembers.ToCard).FirstOrDefault(),
                LastMessageId = db.Messages.Where(x => x.RoomId == r.Id).Max(x => (long?)x.Id) ?? 0,
                LastActivity = db.Messages.Where(x => x.RoomId == r.Id).OrderByDescending(x => x.Id).Select(x => (DateTimeOffset?)x.CreatedAt)
                    .FirstOrDefault() ?? r.CreatedAt,
                Unread = db.Messages.Where(x => x.RoomId == r.Id && x.AuthorId != userId
                        && r.Members.Any(m => m.UserId == userId && x.Id > m.LastReadMessageId))
                    .Take(ListModel.UnreadCounted).Count(),
                // From the reader's mentions (few, indexed by user), not from the room's unread messages (maybe many).
                Mentioned = db.Mentions.Any(x => x.UserId == userId
                    && r.Members.Any(m => m.UserId == userId && x.MessageId > m.LastReadMessageId)
                    && db.Messages.Any(message => message.Id == x.MessageId && message.RoomId == r.Id && message.DeletedAt == null)),
            });
}
