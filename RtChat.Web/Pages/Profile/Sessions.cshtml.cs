using RtChat.Web.Areas.Identity;

namespace RtChat.Web.Pages.Profile;

/// <summary><c>/profile/sessions</c>: log out of every other browser and device; this one stays signed in.</summary>
[Authorize]
public class SessionsModel(CurrentUser current, SessionEnding sessions) : PageModel
{
    public const string Done = "You were logged out of all your other sessions.";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await current.GetAsync() is not { } user) return Challenge();
        await sessions.EndOtherSessionsAsync(user);
        TempData.FlashSuccess(Done);
        return LocalRedirect("/profile/settings");
    }
}
