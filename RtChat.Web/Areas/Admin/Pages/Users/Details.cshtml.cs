using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Moderation;

namespace RtChat.Web.Areas.Admin.Pages.Users;

/// <summary><c>/admin/users/{id}</c>: one user's profile, rooms and recent messages, and what an admin may do to them.</summary>
public class DetailsModel(AppDbContext db, UserModeration moderation, TimeProvider clock) : PageModel
{
    public const int RecentMessages = 20;

    public AppUser Account { get; private set; } = null!;
    public bool IsAdmin { get; private set; }
    public bool IsLocked => Account.LockoutEnd > clock.GetUtcNow();
    public IReadOnlyList<RoomRow> Rooms { get; private set; } = [];
    public IReadOnlyList<MessageRow> Recent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await FindAsync(id) is not { } user) return NotFound();
        Account = user;
        IsAdmin = await db.IsAdminAsync(id);
        Rooms = await db.Rooms.AsNoTracking().Where(r => r.Members.Any(m => m.UserId == id)).RoomRows(db).ToListAsync();
        Recent = await db.Messages.AsNoTracking().Where(m => m.AuthorId == id).MessageRows().Take(RecentMessages).ToListAsync();
        return Page();
    }

    public Task<IActionResult> OnPostConfirmEmailAsync(string id) => ActAsync(id, moderation.ConfirmEmailAsync, "Email marked as confirmed.");

    public Task<IActionResult> OnPostLockAsync(string id) => ActAsync(id, moderation.LockAsync, "Locked: their sessions and open pages ended.");

    public Task<IActionResult> OnPostUnlockAsync(string id) => ActAsync(id, moderation.UnlockAsync, "Unlocked: they can sign in again.");

    public Task<IActionResult> OnPostBanAsync(string id) => ActAsync(id, moderation.BanAsync, "Banned: locked, and their messages deleted.");

    public Task<IActionResult> OnPostGrantAdminAsync(string id) => ActAsync(id, moderation.GrantAdminAsync, "They are an admin now.");

    public Task<IActionResult> OnPostRevokeAdminAsync(string id) => ActAsync(id, moderation.RevokeAdminAsync, "They are no longer an admin.");

    public Task<IActionResult> OnPostDeleteAsync(string id) =>
        ActAsync(id, moderation.DeleteAsync, "The account and everything in it were deleted.", then: AdminUrls.Users);

    /// <summary>Post/Redirect/Get: back to the user (or <paramref name="then"/>) with what happened, or why it was refused.</summary>
    private async Task<IActionResult> ActAsync(string id, Func<Actor, AppUser, Task> action, string done, string? then = null)
    {
        if (await FindAsync(id) is not { } user) return NotFound();
        try
        {
            await action(User.AsActor(), user);
            TempData.FlashSuccess(done);
            return LocalRedirect(then ?? AdminUrls.User(id));
        }
        catch (DomainRuleException refused)
        {
            TempData.FlashError(refused.Message);
            return LocalRedirect(AdminUrls.User(id));
        }
    }

    private Task<AppUser?> FindAsync(string id) => db.Users.Include(u => u.Profile).SingleOrDefaultAsync(u => u.Id == id);
}
