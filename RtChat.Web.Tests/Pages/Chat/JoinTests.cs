using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary><c>/chat/join/{code}</c>: a group's invite link, for signed-in people with a confirmed email.</summary>
public sealed class JoinTests : AppFixture
{
    private const string ConfirmFirst = "Confirm your email address to join group chats.";
    private const string RemovedReason = "The admin removed you from this group. Ask them to invite you again.";

    /// <summary>A group made by someone else, and its invite code.</summary>
    private async Task<(string Room, string Code)> GroupAsync()
    {
        var (adminWeb, admin) = await App.SignedUpAsync("admin");
        adminWeb.Dispose();
        var room = await App.CreateGroupAsync(admin);
        return (room, await App.InviteCodeAsync(room));
    }

    [Test]
    public async Task The_invite_link_shows_the_group_with_a_join_button()
    {
        var (room, code) = await GroupAsync();
        var (web, _) = await App.SignedUpConfirmedAsync("guest");
        using var __ = web;

        var page = await web.GetPageAsync(RoomSteps.JoinPath(code));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Document.QuerySelector("h1")?.TextContent, Does.Contain("Test group"));
            Assert.That(page.TestId("join-group"), Is.Not.Null);
            Assert.That(page.TestId("join-refused"), Is.Null);
        }
    }

    [Test]
    public async Task Joining_through_the_link_makes_a_member_and_opens_the_room()
    {
        var (room, code) = await GroupAsync();
        var (web, user) = await App.SignedUpConfirmedAsync("guest");
        using var _ = web;
        var page = await web.GetPageAsync(RoomSteps.JoinPath(code));

        var landed = await web.SubmitAndFollowAsync(page);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(landed.PathAndQuery, Is.EqualTo(ChatSteps.RoomPath(room)));
            Assert.That(landed.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await App.IsMemberAsync(room, user), Is.True);
        }
    }

    [Test]
    public async Task A_member_opening_the_link_is_sent_to_the_room()
    {
        var (room, code) = await GroupAsync();
        var (web, _) = await App.SignedUpConfirmedAsync("guest");
        using var __ = web;
        await web.JoinGroupAsync(App, room);

        using var response = await web.GetAsync(RoomSteps.JoinPath(code));

        Assert.That(RoomSteps.RoomOf(response), Is.EqualTo(room));
    }

    [Test]
    public async Task Someone_with_an_unconfirmed_email_is_sent_to_settings_to_confirm_it_and_does_not_join()
    {
        var (room, code) = await GroupAsync();
        var (web, user) = await App.SignedUpAsync("unconfirmed");
        using var _ = web;

        var shown = await web.GetPageAsync(RoomSteps.JoinPath(code));
        using var posted = await web.JoinAsync(code);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(shown.PathAndQuery, Is.EqualTo(SettingsSteps.SettingsPath));
            Assert.That(shown.Flashes, Does.Contain(ConfirmFirst));
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(posted.Headers.Location?.OriginalString, Is.EqualTo(SettingsSteps.SettingsPath));
            Assert.That(await App.IsMemberAsync(room, user), Is.False);
        }
    }

    [Test]
    public async Task An_unknown_code_is_not_found()
    {
        var (web, _) = await App.SignedUpConfirmedAsync("guest");
        using var __ = web;

        using var shown = await web.GetAsync(RoomSteps.JoinPath("nosuchcode"));
        using var posted = await web.JoinAsync("nosuchcode");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(shown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task A_removed_member_is_refused_with_the_reason_and_no_join_button()
    {
        var (room, code) = await GroupAsync();
        var (web, user) = await App.SignedUpConfirmedAsync("guest");
        using var _ = web;
        await web.JoinGroupAsync(App, room);
        await App.RemoveFromGroupAsync(room, user);

        var shown = await web.GetPageAsync(RoomSteps.JoinPath(code));
        using var posted = await web.JoinAsync(code);

        var refusal = await HtmlPage.ParseAsync(posted);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(shown.TestId("join-refused")?.TextContent.Trim(), Is.EqualTo(RemovedReason));
            Assert.That(shown.TestId("join-group"), Is.Null);
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(refusal.TestId("join-refused")?.TextContent.Trim(), Is.EqualTo(RemovedReason));
            Assert.That(await App.IsMemberAsync(room, user), Is.False);
        }
    }

    [Test]
    public async Task A_reset_link_retires_the_old_code_and_the_new_one_lets_people_in()
    {
        var (adminWeb, _) = await App.SignedUpAsync("admin");
        var (web, user) = await App.SignedUpConfirmedAsync("guest");
        using var ___ = adminWeb;
        using var __ = web;
        var room = await adminWeb.CreateGroupAsync();
        var oldCode = await App.InviteCodeAsync(room);

        using (var reset = await adminWeb.EditAsync(room, "ResetInvite"))
            Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var newCode = await App.InviteCodeAsync(room);
        using var old = await web.GetAsync(RoomSteps.JoinPath(oldCode));
        using var oldPost = await web.JoinAsync(oldCode);
        using var joined = await web.JoinAsync(newCode);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(newCode, Is.Not.EqualTo(oldCode));
            Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(oldPost.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(RoomSteps.RoomOf(joined), Is.EqualTo(room));
            Assert.That(await App.IsMemberAsync(room, user), Is.True);
        }
    }
}
