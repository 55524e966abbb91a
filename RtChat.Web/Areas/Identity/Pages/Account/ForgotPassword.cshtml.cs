using System.ComponentModel.DataAnnotations;

namespace RtChat.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public class ForgotPasswordModel(UserManager<AppUser> users, AccountMail mail) : PageModel
{
    [BindProperty, Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        // Unconfirmed addresses get the link too: opening it proves the mailbox as well as a confirmation would.
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null)
            await mail.SendPasswordResetAsync(user);
        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}
