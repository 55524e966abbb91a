namespace RtChat.Web.Areas.Identity.Pages.Account;

/// <summary>The link in the confirmation mail lands here, then goes home with the outcome as a flash.</summary>
/// <remarks>
/// User ids are in every message's markup: until the code proves the link came from the mail, the answer is the same
/// whether the account exists, is confirmed or not, and never shows its address.
/// </remarks>
[AllowAnonymous]
public class ConfirmEmailModel(UserManager<AppUser> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        var token = AccountMail.Decode(code);
        var user = userId is null || token is null ? null : await users.FindByIdAsync(userId);
        if (user is null)
            return Expired();
        var wasConfirmed = user.EmailConfirmed;
        if (!(await users.ConfirmEmailAsync(user, token!)).Succeeded)
            return Expired();
        if (wasConfirmed)
            TempData.Flash(FlashKind.Info, $"{user.Email} is already confirmed.");
        else
            TempData.FlashSuccess($"Thanks! {user.Email} is confirmed.");
        return LocalRedirect("~/");
    }

    private IActionResult Expired()
    {
        TempData.FlashError("This confirmation link is invalid or has expired. Ask for a new one below.");
        return RedirectToPage("./ResendEmailConfirmation");
    }
}
