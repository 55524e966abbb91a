using System.ComponentModel.DataAnnotations;
using Htmx;
using RtChat.Web.Areas.Identity;

namespace RtChat.Web.Pages.Profile;

/// <summary>Email (changed through a link sent to the new address), password, account deletion.</summary>
[Authorize]
public class SettingsModel(CurrentUser current, UserManager<AppUser> users, AccountMail mail) : PageModel
{
    public AppUser Account { get; private set; } = null!;
    public bool EditingEmail { get; private set; }

    [BindProperty, EmailAddress(ErrorMessage = "Enter a valid email address."), StringLength(256)]
    public string? NewEmail { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    /// <summary>The inline form that replaces the email row (the seeds' email_form partial).</summary>
    public async Task<IActionResult> OnGetEmailFormAsync()
    {
        if (await LoadAsync() is { } challenge) return challenge;
        EditingEmail = true;
        return Request.IsHtmx() ? Partial("_EmailForm", this) : Page();
    }

    public async Task<IActionResult> OnGetEmailSectionAsync() =>
        await LoadAsync() ?? Partial("_EmailSection", this);

    public async Task<IActionResult> OnPostChangeEmailAsync()
    {
        if (await LoadAsync() is { } challenge) return challenge;
        var email = NewEmail?.Trim();
        if (string.IsNullOrEmpty(email))
            ModelState.AddModelError(nameof(NewEmail), "Enter the new address.");
        else if (string.Equals(email, Account.Email, StringComparison.OrdinalIgnoreCase))
            ModelState.AddModelError(nameof(NewEmail), "That is already your address.");
        else if (ModelState.IsValid && await users.FindByEmailAsync(email) is not null)
            ModelState.AddModelError(nameof(NewEmail), "That address is already used by another account.");
        if (!ModelState.IsValid)
        {
            EditingEmail = true;
            return Request.IsHtmx() ? Partial("_EmailForm", this) : Page();
        }

        Account.RequestEmailChange(email!);
        await users.UpdateAsync(Account);
        await mail.SendEmailChangeAsync(Account, email!);
        return Done($"We sent a confirmation link to {email}. Your current address keeps working until you open it.");
    }

    public async Task<IActionResult> OnPostCancelEmailChangeAsync()
    {
        if (await LoadAsync() is { } challenge) return challenge;
        Account.ForgetPendingEmail();
        await users.UpdateAsync(Account);
        return Done("The email change is cancelled.");
    }

    private IActionResult Done(string message)
    {
        TempData.FlashSuccess(message);
        if (!Request.IsHtmx()) return RedirectToPage();
        // The flash lives in the layout, outside the swapped section: a full refresh shows both.
        Response.Htmx(static h => h.Refresh());
        return new NoContentResult();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var user = await current.GetAsync();
        if (user is null) return Challenge();
        Account = user;
        return null;
    }
}
