using Microsoft.EntityFrameworkCore;

namespace RtChat.Web.Web;

/// <summary>The signed-in user, loaded at most once per request for the header and the banners.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, UserManager<AppUser> users, Data.AppDbContext db)
{
    private Task<AppUser?>? _user;

    public Task<AppUser?> GetAsync() => _user ??= Load();

    private async Task<AppUser?> Load()
    {
        if (http.HttpContext?.User is not { Identity.IsAuthenticated: true } principal) return null;
        var id = users.GetUserId(principal);
        // One query for the user and the profile the header shows; tracked, so pages can change and save it.
        return id is null ? null : await db.Users.Include(u => u.Profile).SingleOrDefaultAsync(u => u.Id == id);
    }
}
