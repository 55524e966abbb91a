using System.ComponentModel.DataAnnotations;

namespace RtChat.Web.Areas.Identity.Pages.Account;

/// <summary>Signed in: resends to your own address (the banner's button). Signed out: to the address typed.</summary>
[AllowAnonymous]
public class ResendEmailConfirmationModel(UserManager<AppUser> users, AccountMail mail) : PageModel
{
    [BindProperty, EmailAddress, StringLength(256)]
    public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Email ??= (await users.GetUserAsync(User))?.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        var self = await users.GetUserAsync(User);
        if (self is not null && string.IsNullOrWhiteSpace(Email))
            return await ResendToSelfAsync(self, returnUrl);

        if (string.IsNullOrWhiteSpace(Email))
            ModelState.AddModelError(nameof(Email), "Enter your email address.");
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Email!.Trim());
        if (user is { EmailConfirmed: false })
            await mail.SendConfirmationAsync(user);
        // Same answer whether or not the address has an account, so the form can't be used to probe for one.
        TempData.Flash(FlashKind.Info, $"If an unconfirmed account uses {Email.Trim()}, a new confirmation link is on its way.");
        return self is null ? RedirectToPage("./Login") : LocalRedirect(Url.LocalOrHome(returnUrl));
    }

    private async Task<IActionResult> ResendToSelfAsync(AppUser self, string? returnUrl)
    {
        if (self.EmailConfirmed)
            TempData.Flash(FlashKind.Info, $"{self.Email} is already confirmed.");
        else
        {
            await mail.SendConfirmationAsync(self);
            TempData.FlashSuccess($"We sent a new confirmation link to {self.Email}.");
        }
        return LocalRedirect(Url.LocalOrHome(returnUrl));
    }
}
