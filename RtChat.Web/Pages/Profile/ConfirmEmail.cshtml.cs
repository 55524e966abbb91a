using RtChat.Web.Areas.Identity;

namespace RtChat.Web.Pages.Profile;

/// <summary>The link sent to a new address lands here: the address becomes the account's, confirmed.</summary>
[AllowAnonymous]
public class ConfirmEmailModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountMail mail) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? userId, string? email, string? code)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        var token = AccountMail.Decode(code);
        if (user is null || token is null || email is null
            || !string.Equals(user.PendingEmail, email, StringComparison.OrdinalIgnoreCase))
            return Fail("This link is invalid, expired or was replaced by a newer one. Ask for a new one in your settings.");

        var oldEmail = user.Email!;
        var changed = await users.ChangeEmailAsync(user, email, token);
        if (!changed.Succeeded)
            return Fail(changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail))
                ? $"{email} is now used by another account."
                : "This link is invalid or has expired. Ask for a new one in your settings.");

        user.ForgetPendingEmail();
        await users.UpdateAsync(user);
        await mail.SendEmailChangedAsync(oldEmail, user);
        // The security stamp changed; keep this browser signed in, but only if it is this user's.
        if (users.GetUserId(User) == user.Id)
            await signIn.RefreshSignInAsync(user);
        TempData.FlashSuccess($"Your email address is now {user.Email}.");
        return RedirectToPage("/Profile/Settings");
    }

    private IActionResult Fail(string message)
    {
        TempData.FlashError(message);
        return RedirectToPage("/Profile/Settings");
    }
}
