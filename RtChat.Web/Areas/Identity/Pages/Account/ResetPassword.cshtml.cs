using System.ComponentModel.DataAnnotations;

namespace RtChat.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public class ResetPasswordModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    public IActionResult OnGet(string? code)
    {
        if (AccountMail.Decode(code) is null)
        {
            TempData.FlashError("This reset link is incomplete. Ask for a new one.");
            return RedirectToPage("./ForgotPassword");
        }
        Input.Code = code!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        var token = AccountMail.Decode(Input.Code);
        if (user is null || token is null)
            return Invalid();

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.InvalidToken)) return Invalid();
                ModelState.AddModelError(AccountErrors.FieldFor(error, nameof(Input)), error.Description);
            }
            return Page();
        }
        // Proving the mailbox is enough to lift a lockout caused by someone guessing.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData.FlashSuccess("Your password has been reset. Log in with the new one.");
        return RedirectToPage("./Login");
    }

    private PageResult Invalid()
    {
        ModelState.AddModelError(string.Empty, "This reset link is invalid or has expired for that address. Ask for a new one.");
        return Page();
    }
}

public sealed class ResetPasswordInput
{
    [Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    [Required, DataType(DataType.Password), StringLength(128)]
    public string Password { get; set; } = "";

    [Required]
    public string Code { get; set; } = "";
}
