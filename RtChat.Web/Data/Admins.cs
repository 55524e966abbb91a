using Microsoft.EntityFrameworkCore;

namespace RtChat.Web.Data;

/// <summary>Who holds the <c>Admin</c> role, asked of the database (a sign-in cookie's role claim may be older).</summary>
public static class Admins
{
    public const string Role = "Admin";
    public const string RoleId = "rtchat-admin-role";

    public static Task<bool> IsAdminAsync(this AppDbContext db, string userId) =>
        db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == RoleId);

    /// <summary>Admins who can still sign in (not locked out): the ones the area may never run out of.</summary>
    public static async Task<int> ActiveAdminCountAsync(this AppDbContext db, DateTimeOffset now)
    {
        // Compared here: SQLite cannot compare DateTimeOffset values.
        var lockouts = await db.Users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == RoleId))
            .Select(u => u.LockoutEnd).ToListAsync();
        return lockouts.Count(end => end is null || end <= now);
    }
}
