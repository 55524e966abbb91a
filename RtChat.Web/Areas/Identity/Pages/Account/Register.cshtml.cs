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
        var owner = created.Succeeded ? null : await OwnerOfTakenAddressAsync(created, user.Email!);
        if (!created.Succeeded && owner is null)
        {
            foreach (var error in created.Errors)
                ModelState.AddModelError(AccountErrors.FieldFor(error, nameof(Input)), error.Description);
            return Page();
        }

        // A taken address is answered like a new one (no account, no sign-in): its owner is mailed, the form tells no one.
        if (owner is null)
            await signIn.SignInAsync(user, isPersistent: false);
        await SendAsync(user, owner is null ? () => mail.SendConfirmationAsync(user) : () => mail.SendSignUpAttemptAsync(owner));
        return LocalRedirect("/profile/onboarding?returnUrl=" + Uri.EscapeDataString(Url.LocalOrHome(returnUrl)));
    }

    /// <summary>The account that has <paramref name="email"/>, when that is all that stopped the sign-up.</summary>
    private async Task<AppUser?> OwnerOfTakenAddressAsync(IdentityResult created, string email) =>
        created.Errors.All(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail)) ? await users.FindByEmailAsync(email) : null;

    private async Task SendAsync(AppUser user, Func<Task> send)
    {
        try
        {
            await send();
            TempData.FlashSuccess($"Welcome, {user.UserName}! We sent a confirmation link to {user.Email}.");
        }
        catch (IOException e)
        {
            logger.LogError(e, "Could not send the sign-up mail to {Email}", user.Email);
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
