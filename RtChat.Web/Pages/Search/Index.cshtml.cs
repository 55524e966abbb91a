using System.Security.Claims;
using Htmx;
using RtChat.Web.Data.Search;

namespace RtChat.Web.Pages.Search;

/// <summary>
/// <c>/search</c>: messages found by their words in the rooms the user may read, newest first, a page at a time. On
/// SQLite the words are looked up in a full-text index (prefixes, accents ignored); on SQL Server with LIKE.
/// </summary>
[Authorize]
public class IndexModel(MessageFinder finder) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Words { get; set; }

    /// <summary>A room's url name, or none for every room.</summary>
    [BindProperty(SupportsGet = true, Name = "room")]
    public string? RoomName { get; set; }

    [BindProperty(SupportsGet = true, Name = "author")]
    public string? Author { get; set; }

    [BindProperty(SupportsGet = true, Name = "before")]
    public long? Before { get; set; }

    public IReadOnlyList<SearchRoom> Rooms { get; private set; } = [];

    /// <summary>None until something is asked.</summary>
    public ResultsPage? Results { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Rooms = await finder.RoomsAsync(me, HttpContext.RequestAborted);
        // Asked as soon as the box is sent, even empty (the binder makes an empty value null).
        if (Request.Query.ContainsKey("q"))
        {
            try
            {
                Results = await finder.FindAsync(me, SearchTerms.Parse(Words), Rooms, RoomName, Author, Before, HttpContext.RequestAborted);
            }
            catch (DomainRuleException rule)
            {
                Error = rule.Message;
            }
        }
        if (!Request.IsHtmx()) return Page();
        // "Older results" asks for the next page, which goes below the ones shown; the form asks for the first page.
        return Partial(Before is not null && Results is not null ? "_OlderResults" : "_Results", this);
    }

    /// <summary>The next page of this search, when there is one.</summary>
    public string? OlderUrl => Results?.OlderBefore is { } before ? SearchUrls.Find(Words, RoomName, Author, before) : null;
}
