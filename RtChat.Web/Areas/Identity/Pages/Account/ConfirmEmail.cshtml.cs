namespace RtChat.Web.Areas.Identity.Pages.Account;

/// <summary>The link in the confirmation mail lands here, then goes home with the outcome as a flash.</summary>
[AllowAnonymous]
public class ConfirmEmailModel(UserManager<AppUser> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        var token = AccountMail.Decode(code);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null)
            return Expired();
        if (user.EmailConfirmed)
        {
            TempData.Flash(FlashKind.Info, $"{user.Email} is already confirmed.");
            return LocalRedirect("~/");
        }
        var result = await users.ConfirmEmailAsync(user, token);
        if (!result.Succeeded)
            return Expired();
        TempData.FlashSuccess($"Thanks! {user.Email} is confirmed.");
        return LocalRedirect("~/");
    }

    private IActionResult Expired()
    {
        TempData.FlashError("This confirmation link is invalid or has expired. Ask for a new one below.");
        return RedirectToPage("./ResendEmailConfirmation");
    }
}
