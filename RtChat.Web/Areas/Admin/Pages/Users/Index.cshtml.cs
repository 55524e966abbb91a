using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;

namespace RtChat.Web.Areas.Admin.Pages.Users;

public sealed record UserRow(string Id, string Username, string? DisplayName, string? Email, bool EmailConfirmed, DateTimeOffset JoinedAt,
    bool IsAdmin, DateTimeOffset? LockoutEnd)
{
    public bool IsLocked => LockoutEnd > DateTimeOffset.UtcNow;
}

/// <summary><c>/admin/users?q=</c>: users by username, display name or email, paged.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public string? Q { get; private set; }
    public Paged<UserRow> Users { get; private set; } = null!;

    public async Task OnGetAsync(string? q, int p = 1)
    {
        Q = q?.Trim();
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(Q))
        {
            var upper = Q.ToUpperInvariant();
            var lower = Q.ToLowerInvariant();
            users = users.Where(u => u.NormalizedUserName!.Contains(upper) || u.NormalizedEmail!.Contains(upper)
                                     || (u.Profile.DisplayName != null && u.Profile.DisplayName.ToLower().Contains(lower)));
        }
        Users = await users.OrderBy(u => u.UserName)
            .Select(u => new UserRow(u.Id, u.UserName!, u.Profile.DisplayName, u.Email, u.EmailConfirmed, u.JoinedAt,
                db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == Admins.RoleId), u.LockoutEnd))
            .PageAsync(p);
    }
}
