using Htmx;

namespace RtChat.Web.Pages.Profile;

/// <summary>What the header's theme switch shows: the theme chosen, and the page to come back to without JavaScript.</summary>
public sealed record ThemeSwitch(Theme Current, string ReturnUrl);

/// <summary>
/// <c>/profile/theme</c>: the header's System / Light / Dark switch posts here. With htmx the switch is swapped and the
/// page told (<c>rtchat:theme</c>, which site.js applies); without, the post comes back to the page it was sent from.
/// </summary>
[Authorize]
public class ThemeModel(CurrentUser current, UserManager<AppUser> users) : PageModel
{
    public const string ChangedEvent = "rtchat:theme";

    [BindProperty]
    public string? Theme { get; set; }

    [BindProperty]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => LocalRedirect("~/profile/settings");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await current.GetAsync() is not { } user) return Challenge();
        try
        {
            user.ChooseTheme(Themes.Parse(Theme));
        }
        catch (DomainRuleException refusal)
        {
            return BadRequest(refusal.Message);
        }
        await users.UpdateAsync(user);
        var back = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        if (!Request.IsHtmx()) return LocalRedirect(back);
        Response.Htmx(h => h.WithTrigger(ChangedEvent, new { rootClass = user.Theme.RootClass() ?? "" }));
        return Partial("_ThemeSwitch", new ThemeSwitch(user.Theme, back));
    }
}
