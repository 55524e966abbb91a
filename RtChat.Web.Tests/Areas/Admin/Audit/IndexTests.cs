using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Areas.Admin;
using RtChat.Web.Domain.Moderation;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Admin.Audit;

/// <summary><c>/admin/audit</c>: every admin action leaves a line (who, what, to whom, when), kept in the database and shown.</summary>
public sealed class IndexTests : AppFixture
{
    [Test]
    public async Task Every_admin_action_leaves_a_line_naming_who_did_what_to_whom()
    {
        var (admin, adminUser) = await App.SignedUpAdminAsync();
        using var _ = admin;
        var (web, target) = await App.SignedUpAsync("target");
        web.Dispose();
        var id = await App.UserIdAsync(target);
        var group = await App.RoomIdAsync(await App.CreateGroupAsync(target));
        var message = (await App.SeedMessagesAsync(target, 2))[0];
        var started = DateTimeOffset.UtcNow;

        foreach (var handler in new[] { "ConfirmEmail", "Lock", "Unlock", "GrantAdmin", "RevokeAdmin" })
            using (await admin.PostFormAsync(AdminSteps.UserPath(id, handler))) { }
        using (await admin.PostFormAsync(AdminSteps.RoomPath(group, "Rename"), new Dictionary<string, string> { ["Title"] = "Renamed" })) { }
        using (await admin.PostFormAsync(AdminSteps.DeleteMessagePath, new Dictionary<string, string> { ["id"] = message.ToString(CultureInfo.InvariantCulture) })) { }
        using (await admin.PostFormAsync(AdminSteps.RoomPath(group, "Delete"))) { }
        using (await admin.PostFormAsync(AdminSteps.UserPath(id, "Ban"))) { }
        using (await admin.PostFormAsync(AdminSteps.UserPath(id, "Delete"))) { }

        var lines = await App.QueryAsync(db => db.AuditLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        var shown = await admin.GetPageAsync(AdminUrls.Audit);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Select(e => e.Action), Is.EqualTo(new[]
            {
                AuditAction.EmailConfirmed, AuditAction.UserLocked, AuditAction.UserUnlocked, AuditAction.AdminGranted, AuditAction.AdminRevoked,
                AuditAction.RoomRenamed, AuditAction.MessageDeleted, AuditAction.RoomDeleted, AuditAction.UserBanned, AuditAction.UserDeleted,
            }));
            Assert.That(lines.Select(e => e.ActorName).Distinct(), Is.EqualTo(new[] { "@" + adminUser.Username }));
            Assert.That(lines.Where(e => e.Action is not (AuditAction.RoomRenamed or AuditAction.RoomDeleted or AuditAction.MessageDeleted))
                .Select(e => e.Target).Distinct(), Is.EqualTo(new[] { "@" + target.Username }));
            Assert.That(lines.Single(e => e.Action == AuditAction.RoomRenamed).Detail, Does.Contain("Renamed"));
            Assert.That(lines.Single(e => e.Action == AuditAction.MessageDeleted).Detail, Is.EqualTo("Seeded message 1 of 2"));
            Assert.That(lines.Single(e => e.Action == AuditAction.UserBanned).Detail, Is.EqualTo("1 messages deleted"));
            Assert.That(lines.Select(e => e.At), Has.All.GreaterThanOrEqualTo(started.AddSeconds(-1)));
            Assert.That(shown.Document.QuerySelectorAll("[data-testid=audit] tr[data-action]").Select(tr => tr.GetAttribute("data-action")),
                Is.EqualTo(lines.Select(e => e.Action.ToString()).Reverse()), "the area shows them, newest first");
        }
    }
}
