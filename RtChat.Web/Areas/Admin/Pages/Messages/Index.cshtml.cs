using Htmx;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;

namespace RtChat.Web.Areas.Admin.Pages.Messages;

/// <summary><c>/admin/messages</c>: messages by text, author and room, newest first, paged; delete one.</summary>
public class IndexModel(AppDbContext db, RoomModeration moderation) : PageModel
{
    public string? Q { get; private set; }
    public string? Author { get; private set; }
    public string? Room { get; private set; }
    public Paged<MessageRow> Messages { get; private set; } = null!;

    public async Task OnGetAsync(string? q, string? author, string? room, int p = 1)
    {
        (Q, Author, Room) = (q?.Trim(), author?.Trim().TrimStart('@').ToLowerInvariant(), room?.Trim());
        var messages = db.Messages.AsNoTracking();
        if (!string.IsNullOrEmpty(Q)) messages = messages.Where(m => m.Body.ToLower().Contains(Q.ToLower()));
        if (!string.IsNullOrEmpty(Author)) messages = messages.Where(m => m.Author.UserName == Author);
        if (!string.IsNullOrEmpty(Room))
            messages = messages.Where(m => m.Room.Name == Room || (m.Room.Title != null && m.Room.Title.ToLower().Contains(Room.ToLower())));
        Messages = await messages.MessageRows().PageAsync(p);
    }

    /// <summary>With htmx the row goes (an empty answer swaps it out); without, back to the list.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(long id)
    {
        var deleted = await moderation.DeleteMessageAsync(User.AsActor(), id);
        if (Request.IsHtmx()) return Content("");
        if (deleted) TempData.FlashSuccess($"Message {id} deleted.");
        else TempData.FlashError($"Message {id} was already gone.");
        return LocalRedirect(AdminUrls.Messages);
    }
}
