namespace RtChat.Web.Web;

/// <summary>The signed-in user, loaded at most once per request for the header and the banners.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, UserManager<AppUser> users, Data.AppDbContext db)
{
    private Task<AppUser?>? _user;

    public bool IsSignedIn => http.HttpContext?.User.Identity?.IsAuthenticated == true;

    public Task<AppUser?> GetAsync() => _user ??= Load();

    private async Task<AppUser?> Load()
    {
        if (http.HttpContext?.User is not { Identity.IsAuthenticated: true } principal) return null;
        var user = await users.GetUserAsync(principal);
        if (user is not null)
            await db.Entry(user).Reference(u => u.Profile).LoadAsync();
        return user;
    }
}
