using System.ComponentModel.DataAnnotations;

namespace RtChat.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public class LoginModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, UnknownLoginLockouts unknownLogins) : PageModel
{
    public const string WrongCredentials = "The username, email or password is incorrect.";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();

        var user = await FindAsync(Input.Login);
        if (user is null)
            return Fail(unknownLogins.Failed(Input.Login) is { } lockedUntil ? LockedOutMessage(lockedUntil) : WrongCredentials);

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            TempData.FlashSuccess($"Signed in as {user.UserName}.");
            return LocalRedirect(Url.LocalOrHome(returnUrl));
        }
        if (result.IsLockedOut)
            return Fail(LockedOutMessage(user.LockoutEnd ?? DateTimeOffset.UtcNow));
        return Fail(WrongCredentials);
    }

    private Task<AppUser?> FindAsync(string login) =>
        login.Contains('@') ? users.FindByEmailAsync(login.Trim()) : users.FindByNameAsync(Username.Normalize(login));

    private PageResult Fail(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    private static string LockedOutMessage(DateTimeOffset lockedUntil)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((lockedUntil - DateTimeOffset.UtcNow).TotalMinutes));
        return $"Too many failed attempts: this account is locked. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}, or reset your password.";
    }
}

public sealed class LoginInput
{
    [Required, StringLength(256), Display(Name = "Username or email")]
    public string Login { get; set; } = "";

    [Required, DataType(DataType.Password), StringLength(128)]
    public string Password { get; set; } = "";

    [Display(Name = "Remember me")]
    public bool RememberMe { get; set; }
}
