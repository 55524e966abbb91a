namespace RtChat.Web.Pages.Profile;

[Authorize]
public class DeleteModel(CurrentUser current, AccountDeletion deletion, SignInManager<AppUser> signIn) : PageModel
{
    public AppUser Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await current.GetAsync() is not { } user) return Challenge();
        Account = user;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await current.GetAsync() is not { } user) return Challenge();
        var deleted = await deletion.DeleteAsync(user, HttpContext.RequestAborted);
        if (!deleted.Succeeded)
        {
            Account = user;
            ModelState.AddModelError(string.Empty, "Your account could not be deleted. Try again, or contact us.");
            return Page();
        }
        await signIn.SignOutAsync();
        TempData.FlashSuccess("Your account and everything in it have been deleted. Goodbye!");
        return LocalRedirect("~/Identity/Account/Login");
    }
}
