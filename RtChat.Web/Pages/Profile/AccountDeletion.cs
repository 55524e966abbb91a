using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Media;
using RtChat.Web.Areas.Identity;

namespace RtChat.Web.Pages.Profile;

/// <summary>
/// Deletes an account and everything that hangs on it: profile, memberships, messages (the database cascades), reactions,
/// then the files they pointed to, and closes the user's sockets.
/// </summary>
public sealed class AccountDeletion(AppDbContext db, UserManager<AppUser> users, IFileStore files, SessionEnding sessions)
{
    public async Task<IdentityResult> DeleteAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        var fileKeys = await db.Profiles.Where(p => p.UserId == user.Id && p.AvatarKey != null)
            .Select(p => p.AvatarKey!).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Rooms outlive their admin; the database does not cascade there (SQL Server allows one path to messages).
        await db.Rooms.Where(r => r.AdminId == user.Id).ExecuteUpdateAsync(r => r.SetProperty(x => x.AdminId, (string?)null), cancellationToken);
        // Nor from users to the mentions of them (a second path from users to them, through their messages).
        await db.Mentions.Where(m => m.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        // The database does not cascade from users to reactions (SQL Server allows one path to them, through messages).
        await db.Reactions.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded) return deleted;
        await transaction.CommitAsync(cancellationToken);

        foreach (var key in fileKeys)
            await files.DeleteAsync(key);
        await sessions.EndedAsync(user.Id, keptStamp: null, SessionEnding.Deleted);
        return deleted;
    }
}
