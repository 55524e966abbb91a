using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Htmx;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using RtChat.Web.Components.Chat;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Media;
using RtChat.Web.Realtime;

namespace RtChat.Web.Pages.Chat;

/// <summary>A room's page: <c>/</c> is the public chat, <c>/chat/room/{name}</c> any room the user may read.</summary>
[Authorize]
// Upload streams its files and checks the token before the first one; the automatic check would read the whole body first.
[IgnoreAntiforgeryToken]
public class RoomModel(AppDbContext db, RoomCards rooms, ChatHistory history, FragmentMarkup markup, ChatPosting posting, SendThrottle throttle, IPresence presence,
    ChatOptions options, MediaOptions media, ChatUploads uploads, IAntiforgery antiforgery)
    : PageModel
{
    public const string TooFast = "You're sending messages too fast. Wait a few seconds and try again.";

    /// <summary>The id of the message a Send stored: the page swaps its pending copy for the one the socket brings.</summary>
    public const string SentMessageIdHeader = "RtChat-Message-Id";

    /// <summary>Avatars a group's header shows before "+N".</summary>
    public const int MembersShown = 8;

    public RoomCard Room { get; private set; } = null!;
    public IReadOnlyList<MessageView> Messages { get; private set; } = [];
    public IHtmlContent MessagesMarkup { get; private set; } = HtmlString.Empty;
    public bool HasOlder { get; private set; }

    /// <summary>The room's newest message change the page shows: its socket asks for those after it.</summary>
    public long ChangesUpTo { get; private set; }

    /// <summary>This answer carries an older page to prepend (the Older handler), not the whole room.</summary>
    public bool PrependsOlderPage { get; private set; }
    public IReadOnlySet<string> Online { get; private set; } = new HashSet<string>();

    /// <summary>Who is in a group or private chat, for its header (none for the public room).</summary>
    public IReadOnlyList<MemberCard> Members { get; private set; } = [];

    /// <summary>In a private chat, the other person.</summary>
    public MemberCard? Other => Room.Kind == RoomKind.Private ? Members.FirstOrDefault(m => m.Id != UserId) : null;

    public bool IsAdmin => Room.Kind == RoomKind.Group && Room.AdminId == UserId;

    /// <summary>The page's green dots: only people it shows (the socket sends the whole list once it opens).</summary>
    public IReadOnlyCollection<string> OnlineShown =>
        Messages.Select(m => m.AuthorId).Concat(Members.Select(m => m.Id)).Where(Online.Contains).ToHashSet();
    /// <summary>The message the page was opened at (<c>?around=</c>), shown with those around it.</summary>
    public long? AroundId { get; private set; }

    /// <summary>
    /// The room's newest message when the page opened at a message does not reach it: the page then keeps live messages
    /// out (they would sit below a gap) and offers the newest instead; its socket resumes from this id.
    /// </summary>
    public long? NewestLeftOut { get; private set; }

    public ComposerForm Composer { get; private set; } = new();
    public AttachForm Attach { get; private set; } = new();
    public int MaxMessageLength => options.Rules.MaxLength;

    /// <summary>How long the viewer's own messages stay editable: editing.js hides their Edit after it.</summary>
    public long EditWindowSeconds => (long)options.EditWindow.TotalSeconds;
    public int MaxFilesPerUpload => media.MaxFilesPerUpload;
    public long MaxUploadBytes => media.MaxUploadBytes;
    public string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <param name="around">A message to open the room at; one not in this room opens the room as usual.</param>
    public async Task<IActionResult> OnGetAsync(string? name, long? around)
    {
        if (await LoadRoomAsync(name) is { } missing) return missing;
        var window = around is { } id ? await history.AroundAsync(Room.Id, id) : null;
        await LoadPageAsync(window?.Page);
        if (window is not null) (AroundId, NewestLeftOut) = (around, window.NewestLeftOut);
        return Page();
    }

    /// <summary>The 30 messages before <paramref name="before"/>, prepended above the list (htmx).</summary>
    public async Task<IActionResult> OnGetOlderAsync(string? name, long before)
    {
        if (await LoadRoomAsync(name) is { } missing) return missing;
        (Messages, HasOlder, _) = await history.PageAsync(Room.Id, before);
        MessagesMarkup = await markup.MessagesAsync(Messages);
        PrependsOlderPage = true;
        return Partial("_OlderMessages", this);
    }

    public async Task<IActionResult> OnPostSendAsync(string? name, [FromForm(Name = "Body")] string? body, [FromForm(Name = "ReplyTo")] long? replyTo)
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext)) return BadRequest();
        // The room itself, not its card: posting is the room's rule to apply.
        var room = await db.FindForUserAsync(name, UserId);
        if (room is null || !room.CanBeReadBy(UserId)) return NotFound();
        Room = RoomCard.Of(room);
        if (!throttle.TryAcquire(UserId))
            return await RefuseAsync(body, TooFast, StatusCodes.Status429TooManyRequests, replyTo);
        try
        {
            var sent = await posting.PostAsync(db, room, UserId, body, replyTo, HttpContext.RequestAborted);
            Response.Headers[SentMessageIdHeader] = sent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DomainRuleException rule)
        {
            return await RefuseAsync(body, rule.Message, StatusCodes.Status422UnprocessableEntity, replyTo);
        }
        return Request.IsHtmx() ? new NoContentResult() : LocalRedirect(ChatUrls.Room(Room.Name));
    }

    /// <summary>Files from the attach control, each its own message in order (htmx: the control again, with any refusals).</summary>
    // No parameters: binding one would read (and spool) the whole body before ChatUploads streams it.
    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (await StreamedFormAntiforgery.RefusedUpFrontAsync(HttpContext)) return BadRequest();
        var room = await db.FindForUserAsync(RouteData.Values["name"] as string, UserId);
        if (room is null || !room.CanBeReadBy(UserId)) return NotFound();
        Room = RoomCard.Of(room);
        var outcome = await uploads.ReceiveAsync(room, UserId, HttpContext);
        if (outcome.Status == StatusCodes.Status400BadRequest) return BadRequest();
        Attach = outcome.Form;
        Response.StatusCode = outcome.Status;
        if (Request.IsHtmx()) return Partial("_Attach", this);
        if (outcome.Status == StatusCodes.Status200OK) return LocalRedirect(ChatUrls.Room(Room.Name));
        await LoadPageAsync();
        return Page();
    }

    private async Task<IActionResult?> LoadRoomAsync(string? name)
    {
        var room = await rooms.FindAsync(db, name);
        // Outsiders learn nothing of a room they may not read, not even that it exists.
        if (room is null || !await room.CanBeReadByAsync(db, UserId)) return NotFound();
        Room = room;
        return null;
    }

    private async Task LoadPageAsync(HistoryPage? page = null)
    {
        (Messages, HasOlder, ChangesUpTo) = page ?? await history.PageAsync(Room.Id);
        MessagesMarkup = await markup.MessagesAsync(Messages);
        Online = await presence.OnlineInAsync(Room.Id);
        if (!Room.Kind.IsReadByEveryone()) Members = await db.MembersAsync(Room.Id);
    }

    /// <summary>The composer again with the typed text and the reason; without htmx, the whole page.</summary>
    private async Task<IActionResult> RefuseAsync(string? body, string error, int status, long? replyTo = null)
    {
        Composer = new ComposerForm(body, error, replyTo);
        Response.StatusCode = status;
        if (Request.IsHtmx()) return Partial("_Composer", this);
        await LoadPageAsync();
        return Page();
    }
}

public sealed record ComposerForm(string? Body = null, string? Error = null, long? ReplyTo = null);
