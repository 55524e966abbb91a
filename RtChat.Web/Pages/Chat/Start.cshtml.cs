using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Realtime;

namespace RtChat.Web.Pages.Chat;

/// <summary><c>POST /chat/start/{username}</c>: "Message" on a profile, into the one private room of the pair.</summary>
[Authorize]
public class StartModel(AppDbContext db, UserManager<AppUser> users, RoomEvents events, TimeProvider clock) : PageModel
{
    /// <summary>A GET changes nothing: it shows the profile, whose button posts here.</summary>
    public IActionResult OnGet(string username) => LocalRedirect($"/u/{Uri.EscapeDataString(username)}");

    public async Task<IActionResult> OnPostAsync(string username)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var normalized = users.NormalizeName(Username.Normalize(username));
        var otherId = await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).SingleOrDefaultAsync();
        if (otherId is null) return NotFound();
        if (otherId == me) return LocalRedirect("/profile");
        var room = await db.OpenPrivateAsync(me, otherId, clock.GetUtcNow());
        await events.ChatListsChangedAsync([me]);
        return LocalRedirect(ChatUrls.Room(room.Name));
    }
}
