using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Realtime;

namespace RtChat.Web.Pages.Chat;

/// <summary><c>/chat/join/{code}</c>: a group's invite link. Shows the group; joining is the POST of its button.</summary>
[Authorize]
public class JoinModel(AppDbContext db, CurrentUser current, RoomEvents events, TimeProvider clock) : PageModel
{
    public const string ConfirmFirst = "Confirm your email address to join group chats.";

    public ChatRoom Room { get; private set; } = null!;
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code) => await LoadAsync(code) ?? Page();

    public async Task<IActionResult> OnPostAsync(string code)
    {
        if (await LoadAsync(code) is { } answered) return answered;
        var me = (await current.CardAsync())!.Id;
        try
        {
            Room.JoinByInvite(me, code, clock.GetUtcNow());
        }
        catch (DomainRuleException rule)
        {
            Refusal = rule.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await db.SaveChangesAsync();
        await events.ChatListsChangedAsync([me]);
        return LocalRedirect(ChatUrls.Room(Room.Name));
    }

    /// <summary>The group, or where to go instead: not found, already in it, or to settings to confirm the email first.</summary>
    private async Task<IActionResult?> LoadAsync(string code)
    {
        var user = (await current.CardAsync())!;
        var room = await db.Rooms.Include(r => r.Members.Where(m => m.UserId == user.Id)).Include(r => r.Removals.Where(x => x.UserId == user.Id))
            .SingleOrDefaultAsync(r => r.InviteCode == code && r.Kind == RoomKind.Group);
        if (room is null) return NotFound();
        if (room.IsMember(user.Id)) return LocalRedirect(ChatUrls.Room(room.Name));
        if (!user.EmailConfirmed)
        {
            TempData.Flash(FlashKind.Warning, ConfirmFirst);
            return LocalRedirect("/profile/settings");
        }
        Room = room;
        Refusal = room.Removals.Count > 0 ? "The admin removed you from this group. Ask them to invite you again." : null;
        return null;
    }
}
