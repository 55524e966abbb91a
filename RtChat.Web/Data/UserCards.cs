using Microsoft.EntityFrameworkCore;

namespace RtChat.Web.Data;

/// <summary>What every page shows of the signed-in user: the header's name and avatar, the unconfirmed-email banner.</summary>
/// <param name="IsAdmin">Shows the admin area's link; the area itself asks the database (<see cref="Admins"/>).</param>
/// <param name="Theme">Written on every page's root element, so the page never shows in the other theme first.</param>
public sealed record UserCard(string Id, string Name, string AvatarUrl, string? Email, bool EmailConfirmed, bool IsAdmin, Theme Theme = Theme.System);

/// <summary>
/// Users' cards, read once and kept until a change to the user or their profile is committed: every page's header
/// needs one, and a query per page was a quarter of the room page's time.
/// </summary>
public sealed class UserCards : IDisposable
{
    /// <summary>Users whose card is kept.</summary>
    public const int Limit = 10_000;

    private readonly ReadCache<string, UserCard> _cards = new(Limit);

    private static readonly Func<AppDbContext, string, Task<UserCard?>> ById =
        EF.CompileAsyncQuery((AppDbContext db, string id) => db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new UserCard(u.Id, u.Profile.DisplayName ?? u.UserName!,
                u.Profile.AvatarKey == null ? Domain.Profile.DefaultAvatarUrl : "/media/" + u.Profile.AvatarKey, u.Email, u.EmailConfirmed,
                db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == Admins.RoleId), u.Theme))
            .SingleOrDefault());

    public Task<UserCard?> GetAsync(AppDbContext db, string userId) => _cards.GetAsync(userId, id => ById(db, id));

    public void Forget(string userId) => _cards.Forget(userId);

    public void ForgetAll() => _cards.ForgetAll();

    public void Dispose() => _cards.Dispose();
}
