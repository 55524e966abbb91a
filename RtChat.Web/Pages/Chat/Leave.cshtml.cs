using System.Security.Claims;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Realtime;

namespace RtChat.Web.Pages.Chat;

/// <summary>
/// <c>/chat/leave/{name}</c>, for a group's members: a confirmation, then out. An admin hands the group over; the
/// last one out deletes it.
/// </summary>
[Authorize]
public class LeaveModel(AppDbContext db, RoomEvents events) : PageModel
{
    public ChatRoom Room { get; private set; } = null!;
    public bool IsAdmin { get; private set; }
    public bool IsLast => Room.Members.Count == 1;

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(string name) => await LoadAsync(name) ?? Page();

    public async Task<IActionResult> OnPostAsync(string name)
    {
        if (await LoadAsync(name) is { } missing) return missing;
        var nobodyLeft = Room.Leave(Me);
        if (nobodyLeft) db.Rooms.Remove(Room);
        await db.SaveChangesAsync();
        if (nobodyLeft) await events.RoomDeletedAsync(Room.Id, [Me]);
        else await events.AccessEndedAsync(Room.Id, Me, RoomEvents.Left);
        TempData.FlashSuccess($"You left “{Room.DisplayTitle}”.");
        return LocalRedirect("/");
    }

    private async Task<IActionResult?> LoadAsync(string name)
    {
        if (await db.FindGroupForMemberAsync(name, Me) is not { } room) return NotFound();
        Room = room;
        IsAdmin = room.IsAdmin(Me);
        return null;
    }
}
