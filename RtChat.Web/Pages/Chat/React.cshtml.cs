using System.Security.Claims;
using Htmx;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Realtime;

namespace RtChat.Web.Pages.Chat;

/// <summary>
/// <c>/messages/{id}/react</c>: toggles the reader's emoji on a message. With htmx it answers 204 (the room's socket
/// brings the message as it now is to every page, the reader's too); a plain form goes back to the room. GET shows the
/// emoji as forms, for a browser without script.
/// </summary>
[Authorize]
public class ReactModel(AppDbContext db, MessageUpdates updates, ReactionThrottle throttle, TimeProvider clock) : PageModel
{
    public const string ChangedMeanwhile = "The message changed at the same moment. Try again.";

    public ChatMessage Message { get; private set; } = null!;
    public ChatRoom Room { get; private set; } = null!;

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(long id, [FromForm] string? emoji)
    {
        if (await LoadAsync(id) is { } missing) return missing;
        if (!throttle.TryAcquire(Me)) return Refuse(ReactionThrottle.Refusal, StatusCodes.Status429TooManyRequests);
        try
        {
            Message.ToggleReaction(Me, emoji, clock.GetUtcNow());
        }
        catch (DomainRuleException rule)
        {
            return Refuse(rule.Message, StatusCodes.Status422UnprocessableEntity);
        }
        try
        {
            await updates.SaveAsync(Message, HttpContext.RequestAborted);
        }
        catch (DbUpdateException)
        {
            // The same toggle from another tab won the race (the key refuses a second copy), or the message went.
            return Refuse(ChangedMeanwhile, StatusCodes.Status409Conflict);
        }
        return Request.IsHtmx() ? new NoContentResult() : LocalRedirect(ChatUrls.Room(Room.Name));
    }

    /// <summary>The message with the reader's own reactions (all a toggle needs), if the reader may read its room.</summary>
    private async Task<IActionResult?> LoadAsync(long id)
    {
        var message = await db.Messages.Include(m => m.Reactions.Where(r => r.UserId == Me)).SingleOrDefaultAsync(m => m.Id == id);
        // Outsiders learn nothing, not even that the message exists.
        if (message is null || await db.FindForUserAsync(message.RoomId, Me) is not { } room || !room.CanBeReadBy(Me)) return NotFound();
        (Message, Room) = (message, room);
        return null;
    }

    /// <summary>htmx shows the reason by the message (reactions.js); a plain form goes back to the room with it.</summary>
    private IActionResult Refuse(string reason, int status)
    {
        if (!Request.IsHtmx())
        {
            TempData.FlashError(reason);
            return LocalRedirect(ChatUrls.Room(Room.Name));
        }
        return new ContentResult { Content = reason, ContentType = "text/plain; charset=utf-8", StatusCode = status };
    }
}
