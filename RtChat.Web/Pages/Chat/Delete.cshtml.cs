using System.Security.Claims;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Realtime;

namespace RtChat.Web.Pages.Chat;

/// <summary><c>/chat/delete/{name}</c>, for the group's admin only: a confirmation, then the group and its messages go.</summary>
[Authorize]
public class DeleteModel(AppDbContext db, RoomEvents events) : PageModel
{
    public ChatRoom Room { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string name) => await LoadAsync(name) ?? Page();

    public async Task<IActionResult> OnPostAsync(string name)
    {
        if (await LoadAsync(name) is { } missing) return missing;
        var members = Room.Members.Select(m => m.UserId).ToList();
        db.Rooms.Remove(Room);
        await db.SaveChangesAsync();
        await events.RoomDeletedAsync(Room.Id, members);
        TempData.FlashSuccess($"“{Room.DisplayTitle}” was deleted.");
        return LocalRedirect("/");
    }

    private async Task<IActionResult?> LoadAsync(string name)
    {
        if (await db.FindGroupForAdminAsync(name, User.FindFirstValue(ClaimTypes.NameIdentifier)!) is not { } room) return NotFound();
        Room = room;
        return null;
    }
}
