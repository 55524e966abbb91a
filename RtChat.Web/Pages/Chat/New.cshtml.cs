using System.Security.Claims;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Realtime;

namespace RtChat.Web.Pages.Chat;

/// <summary><c>/chat/new</c>: a group chat with a title; its creator is its admin and first member.</summary>
[Authorize]
public class NewModel(AppDbContext db, RoomEvents events, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Title { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        try
        {
            var room = ChatRoom.CreateGroup(Title, me, clock.GetUtcNow());
            db.Rooms.Add(room);
            await db.SaveChangesAsync();
            await events.ChatListsChangedAsync([me]);
            TempData.FlashSuccess("Group created. Share its invite link from Edit to let people in.");
            return LocalRedirect(ChatUrls.Room(room.Name));
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError(nameof(Title), rule.Message);
            return Page();
        }
    }
}
