using Microsoft.AspNetCore.Identity;
using RtChat.Web.Domain;

namespace RtChat.Web.Web;

/// <summary>The signed-in user, loaded at most once per request for the header and the banners.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, UserManager<AppUser> users)
{
    private Task<AppUser?>? _user;

    public bool IsSignedIn => http.HttpContext?.User.Identity?.IsAuthenticated == true;

    public Task<AppUser?> GetAsync() => _user ??= Load();

    private async Task<AppUser?> Load() =>
        http.HttpContext?.User is { Identity.IsAuthenticated: true } principal
            ? await users.GetUserAsync(principal)
            : null;
}
