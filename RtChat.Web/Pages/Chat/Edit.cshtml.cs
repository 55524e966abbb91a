using System.Security.Claims;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Realtime;

namespace RtChat.Web.Pages.Chat;

/// <summary><c>/chat/edit/{name}</c>, for the group's admin only (anyone else: not found): rename, invite link, members.</summary>
[Authorize]
public class EditModel(AppDbContext db, IPresence presence, RoomEvents events, PublicOrigin origin, TimeProvider clock) : PageModel
{
    public ChatRoom Room { get; private set; } = null!;
    public IReadOnlyList<MemberCard> Members { get; private set; } = [];
    public IReadOnlyList<MemberCard> Removed { get; private set; } = [];
    public IReadOnlySet<string> Online { get; private set; } = new HashSet<string>();

    [BindProperty]
    public string? Title { get; set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>Shared outside the site, so built on the configured origin, not on the request's Host.</summary>
    public string InviteUrl => origin.Link(ChatUrls.Join(Room.InviteCode!)).ToString();

    public async Task<IActionResult> OnGetAsync(string name)
    {
        if (await LoadAsync(name) is { } missing) return missing;
        Title = Room.Title;
        return Page();
    }

    public Task<IActionResult> OnPostRenameAsync(string name) =>
        ChangeAsync(name, room => room.Rename(Title, Me), "Group renamed.", nameof(Title));

    public Task<IActionResult> OnPostResetInviteAsync(string name) =>
        ChangeAsync(name, room => room.ResetInvite(Me), "New invite link made; the old one no longer works.");

    public Task<IActionResult> OnPostReinviteAsync(string name, string userId) =>
        ChangeAsync(name, room => room.Reinvite(userId, Me), "They can join again through the invite link.");

    public Task<IActionResult> OnPostRemoveAsync(string name, string userId) =>
        ChangeAsync(name, room => room.Remove(userId, Me, clock.GetUtcNow()), "Member removed.",
            saved: () => events.AccessEndedAsync(Room.Id, userId, RoomEvents.Removed));

    /// <summary>
    /// Applies an admin's change and comes back here (Post/Redirect/Get); a refused change shows why. What others must
    /// learn of it (<paramref name="saved"/>) goes once it is committed.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(string name, Action<ChatRoom> change, string done, string errorKey = "", Func<Task>? saved = null)
    {
        if (await LoadAsync(name) is { } missing) return missing;
        try
        {
            change(Room);
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError(errorKey, rule.Message);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await db.SaveChangesAsync();
        if (saved is not null) await saved();
        TempData.FlashSuccess(done);
        return Redirect(ChatUrls.Edit(Room.Name));
    }

    private async Task<IActionResult?> LoadAsync(string name)
    {
        if (await db.FindGroupForAdminAsync(name, Me) is not { } room) return NotFound();
        Room = room;
        Members = await db.MembersAsync(room.Id);
        Removed = await db.RemovedAsync(room.Id);
        Online = await presence.OnlineInAsync(room.Id);
        return null;
    }
}
