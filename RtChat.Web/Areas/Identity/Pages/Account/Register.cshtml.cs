using System.ComponentModel.DataAnnotations;

namespace RtChat.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public class RegisterModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountMail mail, ILogger<RegisterModel> logger)
    : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();

        var user = new AppUser(Input.Username, Input.Email);
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                ModelState.AddModelError(AccountErrors.FieldFor(error, nameof(Input)), error.Description);
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        await SendConfirmationAsync(user);
        return LocalRedirect("/profile/onboarding?returnUrl=" + Uri.EscapeDataString(Url.LocalOrHome(returnUrl)));
    }

    private async Task SendConfirmationAsync(AppUser user)
    {
        try
        {
            await mail.SendConfirmationAsync(user);
            TempData.FlashSuccess($"Welcome, {user.UserName}! We sent a confirmation link to {user.Email}.");
        }
        catch (IOException e)
        {
            logger.LogError(e, "Could not send the confirmation mail to {Email}", user.Email);
            TempData.Flash(FlashKind.Warning, $"Welcome, {user.UserName}! We could not send the confirmation mail just now; use \"Resend\" in the banner.");
        }
    }
}

public sealed class RegisterInput
{
    [Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    [Required, StringLength(Domain.Username.MaxLength, MinimumLength = Domain.Username.MinLength, ErrorMessage = "Usernames are " + Domain.Username.Rule + ".")]
    public string Username { get; set; } = "";

    [Required, DataType(DataType.Password), StringLength(128)]
    public string Password { get; set; } = "";
}
