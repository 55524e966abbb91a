using System.Security.Claims;
using Microsoft.EntityFrameworkCore;

namespace RtChat.Web.Web;

/// <summary>The signed-in user, loaded at most once per request for the header and the banners.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, Data.AppDbContext db)
{
    // Compiled once: every page's header runs it. Tracked, so pages can change the user or the profile and save them.
    private static readonly Func<Data.AppDbContext, string, Task<AppUser?>> WithProfile =
        EF.CompileAsyncQuery((Data.AppDbContext db, string id) => db.Users.Include(u => u.Profile).SingleOrDefault(u => u.Id == id));

    private Task<AppUser?>? _user;

    public Task<AppUser?> GetAsync() => _user ??= Load();

    private async Task<AppUser?> Load()
    {
        if (http.HttpContext?.User is not { Identity.IsAuthenticated: true } principal) return null;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is null ? null : await WithProfile(db, id);
    }
}
