using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;

namespace RtChat.Web.Web;

/// <summary>The signed-in user: their card for the header and the banners, or the whole user for pages that change it.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, AppDbContext db, UserCards cards)
{
    // Compiled once: the profile pages run it. Tracked, so they can change the user or the profile and save them.
    private static readonly Func<AppDbContext, string, Task<AppUser?>> WithProfile =
        EF.CompileAsyncQuery((AppDbContext db, string id) => db.Users.Include(u => u.Profile).SingleOrDefault(u => u.Id == id));

    private Task<AppUser?>? _user;
    private Task<UserCard?>? _card;

    public Task<AppUser?> GetAsync() => _user ??= Id is { } id ? WithProfile(db, id) : Task.FromResult<AppUser?>(null);

    public Task<UserCard?> CardAsync() => _card ??= Id is { } id ? cards.GetAsync(db, id) : Task.FromResult<UserCard?>(null);

    private string? Id => http.HttpContext?.User is { Identity.IsAuthenticated: true } principal ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
