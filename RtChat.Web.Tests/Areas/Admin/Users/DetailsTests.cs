using System.Net;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Areas.Admin;
using RtChat.Web.Areas.Identity;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Admin.Users;

/// <summary><c>/admin/users/{id}</c>: what an admin does to an account takes effect at once, open pages included.</summary>
public sealed class DetailsTests : AdminFixture
{
    private async Task<HttpResponseMessage> ActAsync(string userId, string handler) =>
        await Admin.PostFormAsync(AdminSteps.UserPath(userId, handler));

    [Test]
    public async Task The_page_shows_the_users_profile_rooms_and_recent_messages()
    {
        var (web, user) = await App.SignedUpAsync("shown");
        web.Dispose();
        var id = await App.UserIdAsync(user);
        await App.CreateGroupAsync(user);
        await App.SeedMessagesAsync(user, 2);

        var page = await Admin.GetPageAsync(AdminUrls.User(id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.TestId("user")?.TextContent, Does.Contain(user.Username).And.Contain(user.Email).And.Contain("Test group"));
            Assert.That(page.Document.QuerySelectorAll("[data-testid=messages] tr[data-message-id]"), Has.Length.EqualTo(2));
        }
    }

    [Test]
    public async Task Locking_closes_the_users_open_page_at_once_and_keeps_them_out_until_unlocked()
    {
        var (web, user) = await App.SignedUpAsync("locked");
        using var _ = web;
        var id = await App.UserIdAsync(user);
        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, room: null, name: "their open page");

        using var locked = await ActAsync(id, "Lock");

        Assert.That(locked.Headers.Location?.OriginalString, Is.EqualTo(AdminUrls.User(id)));
        Assert.That(await page.WaitForSessionEndedAsync(), Does.Contain(UserModeration.LockedReason));
        using (var next = await web.GetAsync("/profile")) AccountSteps.AssertRedirectsToLogin(next);
        using var again = App.NewSession();
        using (var login = await again.PostLoginAsync(user.Email, user.Password))
            Assert.That(again.IsSignedIn, Is.False, "a locked account cannot sign in");

        using (await ActAsync(id, "Unlock")) { }

        using (var login = await again.PostLoginAsync(user.Email, user.Password))
            Assert.That(again.IsSignedIn, Is.True, "unlocked, they sign in again");
    }

    [Test]
    public async Task Banning_locks_them_out_and_their_messages_leave_other_peoples_open_pages()
    {
        var (web, user) = await App.SignedUpAsync("spammer");
        var (readerWeb, _) = await App.SignedUpAsync("reader");
        using var _ = web;
        using var __ = readerWeb;
        var id = await App.UserIdAsync(user);
        var spam = await App.SeedMessagesAsync(user, 3);
        await using var reader = await ChatSocket.ConnectAsync(App.BaseAddress, readerWeb, name: "the reader's public chat");
        await reader.SendResumeAsync(spam[^1]);

        using (await ActAsync(id, "Ban")) { }

        var removal = await reader.WaitForAsync(f => f.Contains("hx-swap-oob=\"delete\"", StringComparison.Ordinal), "the removal of the spam");
        using (Assert.EnterMultipleScope())
        {
            foreach (var messageId in spam) Assert.That(removal, Does.Contain($"id=\"message-{messageId}\""));
            Assert.That(await App.QueryAsync(db => db.Messages.AnyAsync(m => m.AuthorId == id)), Is.False, "their messages are gone");
            Assert.That(await App.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync()), Is.Not.Null);
        }
    }

    [Test]
    public async Task Deleting_a_user_removes_the_account_and_everything_in_it_as_self_deletion_does()
    {
        var (web, user) = await App.SignedUpAsync("doomed");
        using var _ = web;
        var id = await App.UserIdAsync(user);
        await App.SeedMessagesAsync(user, 2);
        var group = await App.CreateGroupAsync(user);
        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, room: null, name: "their open page");

        using var deleted = await ActAsync(id, "Delete");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted.Headers.Location?.OriginalString, Is.EqualTo(AdminUrls.Users));
            Assert.That(await App.QueryAsync(db => db.Users.AnyAsync(u => u.Id == id)), Is.False);
            Assert.That(await App.QueryAsync(db => db.Messages.AnyAsync(m => m.AuthorId == id)), Is.False);
            Assert.That(await App.QueryAsync(db => db.Rooms.Where(r => r.Name == group).Select(r => r.AdminId).SingleAsync()), Is.Null,
                "their group outlives them");
        }
        Assert.That(await page.WaitForSessionEndedAsync(), Does.Contain(SessionEnding.Deleted));
    }

    [Test]
    public async Task Granting_admin_opens_the_area_to_them_at_once_and_revoking_closes_it()
    {
        var (web, user) = await App.SignedUpConfirmedAsync("promoted");
        using var _ = web;
        var id = await App.UserIdAsync(user);

        using (await ActAsync(id, "GrantAdmin")) { }
        var granted = await web.GetPageAsync(AdminUrls.Dashboard);
        using (await ActAsync(id, "RevokeAdmin")) { }
        var revoked = await web.GetPageAsync(AdminUrls.Dashboard);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(granted.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(granted.TestId("admin-link"), Is.Not.Null, "the header shows the link");
            Assert.That(revoked.Status, Is.EqualTo(HttpStatusCode.NotFound), "the cookie still says nothing of the role: the database does");
        }
    }

    [Test]
    public async Task Confirming_an_email_marks_it_confirmed()
    {
        var (web, user) = await App.SignedUpAsync("unconfirmed");
        web.Dispose();
        var id = await App.UserIdAsync(user);

        using (await ActAsync(id, "ConfirmEmail")) { }

        Assert.That(await App.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.EmailConfirmed).SingleAsync()), Is.True);
    }

    [Test]
    public async Task An_unknown_user_is_not_found()
    {
        var page = await Admin.GetPageAsync(AdminUrls.User("no-such-user"));
        using var post = await ActAsync("no-such-user", "Lock");

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
