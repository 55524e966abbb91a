using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Areas.Admin.Pages.Rooms;

/// <summary><c>/admin/rooms?kind=</c>: rooms, all or of one kind, with their member and message counts, paged.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public RoomKind? Kind { get; private set; }
    public Paged<RoomRow> Rooms { get; private set; } = null!;

    public async Task OnGetAsync(RoomKind? kind, int p = 1)
    {
        Kind = kind;
        var rooms = db.Rooms.AsNoTracking();
        if (kind is { } only) rooms = rooms.Where(r => r.Kind == only);
        Rooms = await rooms.RoomRows(db).PageAsync(p);
    }
}
