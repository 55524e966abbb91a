using System.Security.Claims;
using Htmx;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Components.Chat;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Realtime;

namespace RtChat.Web.Pages.Chat;

/// <summary>
/// <c>/messages/{id}</c>: its author edits or deletes one message. With htmx the edit form goes in place of the text and
/// a save or a deletion answers with the message's article as it now is (the room's open pages get it over their
/// sockets as well); without, whole pages that come back to the room. Someone who cannot read the message's room gets
/// 404, as if it did not exist; a reader who is not its author, 403.
/// </summary>
[Authorize]
public class MessageModel(AppDbContext db, MessageUpdates updates, ChatHistory history, FragmentMarkup markup,
    ChatOptions options, ChangeThrottle throttle, TimeProvider clock) : PageModel
{
    public const string TooFast = "You're changing messages too fast. Wait a few seconds and try again.";

    public ChatMessage Message { get; private set; } = null!;
    public string RoomName { get; private set; } = "";

    /// <summary>The message as the room shows it, on the whole pages.</summary>
    public IHtmlContent Shown { get; private set; } = HtmlString.Empty;
    public EditForm Form { get; private set; } = new("");
    public bool Deleting { get; private set; }

    /// <summary>The form goes into the room's page (htmx), where Enter saves and Escape cancels.</summary>
    public bool Inline => Request.IsHtmx();
    public int MaxMessageLength => options.Rules.MaxLength;
    public string RoomUrl => ChatUrls.Room(RoomName);

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ?? LocalRedirect(RoomUrl);

    /// <summary>The form with the text as it is; past the window or deleted, with the reason already (422).</summary>
    public async Task<IActionResult> OnGetEditAsync(long id)
    {
        if (await LoadOwnAsync(id) is { } refused) return refused;
        try
        {
            Message.EnsureEditable(Me, clock.GetUtcNow(), options.EditWindow);
        }
        catch (DomainRuleException rule)
        {
            return await FormAsync(Message.Body, rule.Message, StatusCodes.Status422UnprocessableEntity);
        }
        return await FormAsync(Message.Body);
    }

    public async Task<IActionResult> OnPostEditAsync(long id, [FromForm(Name = "Body")] string? body)
    {
        if (await LoadOwnAsync(id) is { } refused) return refused;
        if (!throttle.TryAcquire(Me)) return await FormAsync(body, TooFast, StatusCodes.Status429TooManyRequests);
        try
        {
            if (!Message.Edit(Me, body, options.Rules, clock.GetUtcNow(), options.EditWindow)) return await DoneAsync(saved: null);
            await db.Entry(Message).Collection(m => m.Mentions).LoadAsync();
            _room.MentionAgain(Message, await db.MentionableAsync(_room, Message.Body));
        }
        catch (DomainRuleException rule)
        {
            return await FormAsync(body, rule.Message, StatusCodes.Status422UnprocessableEntity);
        }
        return await DoneAsync(await updates.SaveAsync(Message));
    }

    /// <summary>The confirmation page (without JavaScript; the room's page asks in a dialog).</summary>
    public async Task<IActionResult> OnGetDeleteAsync(long id)
    {
        if (await LoadOwnAsync(id) is { } refused) return refused;
        if (Message.IsDeleted) return LocalRedirect(RoomUrl);
        Deleting = true;
        return await WholePageAsync();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id)
    {
        if (await LoadOwnAsync(id) is { } refused) return refused;
        if (!throttle.TryAcquire(Me))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Content(TooFast, "text/plain; charset=utf-8");
        }
        return await DoneAsync(Message.Delete(Me, clock.GetUtcNow()) ? await updates.SaveAsync(Message) : null);
    }

    /// <summary>htmx: the article as it is now (the page keeps whichever of it and the socket's copy is newer); otherwise back to the room.</summary>
    private async Task<IActionResult> DoneAsync(MessageView? saved)
    {
        if (!Request.IsHtmx()) return LocalRedirect(RoomUrl);
        // Gone for good meanwhile (an admin's deletion): the socket tells the page.
        if ((saved ?? await ShownAsync()) is not { } view) return NotFound();
        return Content((await markup.MessagesAsync([view])).ToString()!, "text/html; charset=utf-8");
    }

    /// <summary>The edit form with <paramref name="body"/> as typed and the reason it was refused, if it was.</summary>
    private async Task<IActionResult> FormAsync(string? body, string? error = null, int status = StatusCodes.Status200OK)
    {
        Form = new EditForm(body ?? "", error);
        Response.StatusCode = status;
        if (Inline) return Partial("_EditMessage", this);
        return await WholePageAsync();
    }

    private async Task<IActionResult> WholePageAsync()
    {
        if (await ShownAsync() is { } view) Shown = await markup.MessagesAsync([view]);
        return Page();
    }

    private async Task<MessageView?> ShownAsync() => (await history.ManyAsync([Message.Id])).FirstOrDefault();

    private ChatRoom _room = null!;

    private async Task<IActionResult?> LoadAsync(long id)
    {
        var message = await db.Messages.Include(m => m.Attachment).SingleOrDefaultAsync(m => m.Id == id);
        // Outsiders learn nothing of a room they may not read: not even that the message exists.
        var room = message is null ? null : await db.FindForUserAsync(message.RoomId, Me);
        if (message is null || room is null || !room.CanBeReadBy(Me)) return NotFound();
        Message = message;
        _room = room;
        RoomName = room.Name;
        return null;
    }

    private async Task<IActionResult?> LoadOwnAsync(long id) =>
        await LoadAsync(id) ?? (Message.IsAuthoredBy(Me) ? null : StatusCode(StatusCodes.Status403Forbidden));
}

public sealed record EditForm(string Body, string? Error = null);
