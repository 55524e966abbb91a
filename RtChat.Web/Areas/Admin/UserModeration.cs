using RtChat.Web.Areas.Identity;
using RtChat.Web.Data;
using RtChat.Web.Domain.Moderation;
using RtChat.Web.Pages.Profile;

namespace RtChat.Web.Areas.Admin;

/// <summary>
/// What an admin does to an account. Each action and its audit line commit together; one that would leave no admin who
/// can sign in is refused and rolled back. Locking and banning end the user's sessions and open pages at once.
/// </summary>
public sealed class UserModeration(AppDbContext db, UserManager<AppUser> users, AuditLog audit, SessionEnding sessions,
    AccountDeletion deletion, MessageDeletion messages, TimeProvider clock)
{
    public const string LockedReason = "You were signed out: an admin locked this account.";
    public const string LastAdmin = "RtChat needs at least one admin who can sign in: make someone else an admin first.";

    public Task ConfirmEmailAsync(Actor by, AppUser user) => InTransactionAsync(by, AuditAction.EmailConfirmed, user, async () =>
    {
        user.EmailConfirmed = true;
        Check(await users.UpdateAsync(user));
    });

    public async Task LockAsync(Actor by, AppUser user)
    {
        await InTransactionAsync(by, AuditAction.UserLocked, user, () => LockOutAsync(user));
        await sessions.EndedAsync(user.Id, keptStamp: null, LockedReason);
    }

    public Task UnlockAsync(Actor by, AppUser user) => InTransactionAsync(by, AuditAction.UserUnlocked, user, async () =>
    {
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
    });

    /// <summary>Locks the account for good and deletes every message it wrote (gone from open pages at once).</summary>
    public async Task BanAsync(Actor by, AppUser user)
    {
        await messages.DeleteAsync(m => m.AuthorId == user.Id, async count =>
        {
            audit.Record(by, AuditAction.UserBanned, Label(user), $"{count} messages deleted");
            await LockOutAsync(user);
            await EnsureAnAdminLeftAsync();
        });
        await sessions.EndedAsync(user.Id, keptStamp: null, LockedReason);
    }

    public Task GrantAdminAsync(Actor by, AppUser user) => InTransactionAsync(by, AuditAction.AdminGranted, user, async () =>
        Check(await users.AddToRoleAsync(user, Admins.Role)));

    public Task RevokeAdminAsync(Actor by, AppUser user) => InTransactionAsync(by, AuditAction.AdminRevoked, user, async () =>
        Check(await users.RemoveFromRoleAsync(user, Admins.Role)));

    /// <summary>The same cascade as deleting one's own account; its audit line goes in that deletion's transaction.</summary>
    public async Task DeleteAsync(Actor by, AppUser user)
    {
        if (await db.IsAdminAsync(user.Id) && await db.ActiveAdminCountAsync(clock.GetUtcNow()) <= 1)
            throw new DomainRuleException(LastAdmin);
        audit.Record(by, AuditAction.UserDeleted, Label(user), user.Email);
        Check(await deletion.DeleteAsync(user));
    }

    public static string Label(AppUser user) => "@" + user.UserName;

    private async Task InTransactionAsync(Actor by, AuditAction action, AppUser user, Func<Task> change)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        audit.Record(by, action, Label(user));
        await change();
        await EnsureAnAdminLeftAsync();
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private async Task LockOutAsync(AppUser user)
    {
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    /// <summary>Counted after the change, inside its transaction, so the count is the one the commit would leave.</summary>
    private async Task EnsureAnAdminLeftAsync()
    {
        if (await db.ActiveAdminCountAsync(clock.GetUtcNow()) == 0)
            throw new DomainRuleException(LastAdmin);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new DomainRuleException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
