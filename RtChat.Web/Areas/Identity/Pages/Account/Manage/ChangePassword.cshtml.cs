using System.ComponentModel.DataAnnotations;

namespace RtChat.Web.Areas.Identity.Pages.Account.Manage;

public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SessionEnding sessions) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(FieldFor(error), error.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        // The new password gave the user a new stamp: every other session ends now.
        await sessions.EndedAsync(user.Id, keptStamp: await users.GetSecurityStampAsync(user));
        TempData.FlashSuccess("Your password has been changed.");
        return RedirectToPage();
    }

    private static string FieldFor(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => $"{nameof(Input)}.{nameof(Input.CurrentPassword)}",
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => $"{nameof(Input)}.{nameof(Input.NewPassword)}",
        _ => string.Empty,
    };
}

public sealed class ChangePasswordInput
{
    [Required, DataType(DataType.Password), StringLength(128), Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [Required, DataType(DataType.Password), StringLength(128), Display(Name = "New password")]
    public string NewPassword { get; set; } = "";
}
