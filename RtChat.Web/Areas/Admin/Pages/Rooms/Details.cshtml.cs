using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Areas.Admin.Pages.Rooms;

/// <summary><c>/admin/rooms/{id}</c>: a room's members and counts; rename a group, delete any room but the public one.</summary>
public class DetailsModel(AppDbContext db, RoomModeration moderation) : PageModel
{
    public ChatRoom Room { get; private set; } = null!;
    public IReadOnlyList<MemberCard> Members { get; private set; } = [];
    public int MessageCount { get; private set; }

    [BindProperty]
    public string? Title { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.Rooms.FindAsync(id) is not { } room) return NotFound();
        Room = room;
        Title = room.Title;
        Members = await db.MembersAsync(id);
        MessageCount = await db.Messages.CountAsync(m => m.RoomId == id);
        return Page();
    }

    public Task<IActionResult> OnPostRenameAsync(int id) =>
        ActAsync(id, room => moderation.RenameAsync(User.AsActor(), room, Title), "Renamed.", AdminUrls.Room(id));

    public Task<IActionResult> OnPostDeleteAsync(int id) =>
        ActAsync(id, room => moderation.DeleteAsync(User.AsActor(), room), "Room deleted; its open pages were told.", AdminUrls.Rooms);

    private async Task<IActionResult> ActAsync(int id, Func<ChatRoom, Task> action, string done, string then)
    {
        if (await db.Rooms.FindAsync(id) is not { } room) return NotFound();
        try
        {
            await action(room);
            TempData.FlashSuccess(done);
            return LocalRedirect(then);
        }
        catch (DomainRuleException refused)
        {
            TempData.FlashError(refused.Message);
            return LocalRedirect(AdminUrls.Room(id));
        }
    }
}
