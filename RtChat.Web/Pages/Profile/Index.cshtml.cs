using Microsoft.EntityFrameworkCore;

namespace RtChat.Web.Pages.Profile;

/// <summary><c>/profile</c> is your own profile; <c>/u/{username}</c> anyone's.</summary>
[Authorize]
public class IndexModel(CurrentUser current, UserManager<AppUser> users) : PageModel
{
    public AppUser Account { get; private set; } = null!;
    public bool IsOwn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? username)
    {
        var me = await current.GetAsync();
        if (me is null) return Challenge();
        var normalized = username is null ? null : users.NormalizeName(Username.Normalize(username));
        var user = normalized is null
            ? me
            : await users.Users.Include(u => u.Profile).SingleOrDefaultAsync(u => u.NormalizedUserName == normalized);
        if (user is null) return NotFound();
        Account = user;
        IsOwn = user.Id == me.Id;
        return Page();
    }
}
