using Microsoft.EntityFrameworkCore;
using RtChat.Web.Areas.Admin;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Admin;

/// <summary>The site never runs out of admins who can sign in: every way of losing the last one is refused, and rolled back.</summary>
public sealed class UserModerationTests : AppFixture
{
    [Test]
    public async Task The_last_admin_cannot_be_revoked_locked_banned_or_deleted_until_there_is_another()
    {
        var (admin, adminUser) = await App.SignedUpAdminAsync("onlyadmin");
        using var _ = admin;
        var id = await App.UserIdAsync(adminUser);
        await App.SeedMessagesAsync(adminUser, 1);

        var answers = new List<HtmlPage>();
        foreach (var handler in new[] { "RevokeAdmin", "Lock", "Ban", "Delete" })
            answers.Add(await admin.FollowAsync(await admin.PostFormAsync(AdminSteps.UserPath(id, handler))));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Select(a => a.Flashes.SingleOrDefault()), Has.All.EqualTo(UserModeration.LastAdmin));
            Assert.That(await App.IsAdminAsync(id), Is.True);
            Assert.That(await App.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync()), Is.Null);
            Assert.That(await App.QueryAsync(db => db.Messages.AnyAsync(m => m.AuthorId == id)), Is.True, "the ban's deletions rolled back too");
            Assert.That(await App.QueryAsync(db => db.AuditLog.CountAsync()), Is.Zero, "a refused action leaves no line");
        }

        var (second, secondUser) = await App.SignedUpAdminAsync("secondadmin");
        second.Dispose();
        using (await admin.PostFormAsync(AdminSteps.UserPath(id, "RevokeAdmin"))) { }

        Assert.That(await App.IsAdminAsync(id), Is.False, "with another admin, the first may step down");
        Assert.That(await App.IsAdminAsync(await App.UserIdAsync(secondUser)), Is.True);
    }
}
