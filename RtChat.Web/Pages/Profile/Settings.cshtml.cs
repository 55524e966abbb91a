using System.ComponentModel.DataAnnotations;
using Htmx;
using Microsoft.AspNetCore.RateLimiting;
using RtChat.Web.Areas.Identity;

namespace RtChat.Web.Pages.Profile;

/// <summary>Email (changed with the password, through a link sent to the new address), password, account deletion.</summary>
[Authorize, EnableRateLimiting(RateLimits.AccountForms)]
public class SettingsModel(CurrentUser current, UserManager<AppUser> users, EmailChange emailChange) : PageModel
{
    public AppUser Account { get; private set; } = null!;
    public bool EditingEmail { get; private set; }

    [BindProperty, EmailAddress(ErrorMessage = "Enter a valid email address."), StringLength(256)]
    public string? NewEmail { get; set; }

    [BindProperty, DataType(DataType.Password), StringLength(128)]
    public string? CurrentPassword { get; set; }

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
        if (string.IsNullOrEmpty(CurrentPassword))
            ModelState.AddModelError(nameof(CurrentPassword), "Enter your current password.");
        else if (ModelState.IsValid && await emailChange.RequestAsync(Account, email!, CurrentPassword) is { } refusal)
            ModelState.AddModelError(nameof(CurrentPassword), refusal == EmailChangeRefusal.LockedOut
                ? "Too many wrong passwords: try again in a few minutes."
                : "The password is incorrect.");
        if (!ModelState.IsValid)
        {
            EditingEmail = true;
            return Request.IsHtmx() ? Partial("_EmailForm", this) : Page();
        }
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
