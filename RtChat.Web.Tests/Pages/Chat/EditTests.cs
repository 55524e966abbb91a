using System.Net;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary><c>/chat/edit/{name}</c>: the admin renames the group, manages its link and its members; each change comes back here.</summary>
public sealed class EditTests : AppFixture
{
    /// <summary>A group its admin made, with one other member.</summary>
    private async Task<(WebSession Admin, TestUser Member, string Room)> GroupWithMemberAsync()
    {
        var (admin, adminUser) = await App.SignedUpAsync("admin");
        var (memberWeb, member) = await App.SignedUpAsync("member");
        memberWeb.Dispose();
        return (admin, member, await App.CreateGroupAsync(adminUser, member));
    }

    private Task<string?> TitleAsync(string room) => App.QueryAsync(db => db.Rooms.Where(r => r.Name == room).Select(r => r.Title).SingleAsync());

    /// <summary>Fails unless <paramref name="response"/> is the Post/Redirect/Get back to the edit page, and returns that page.</summary>
    private static async Task<HtmlPage> AssertBackOnEditAsync(WebSession admin, HttpResponseMessage response, string room)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo(RoomSteps.EditPath(room)));
        }
        return await admin.FollowAsync(response);
    }

    [Test]
    public async Task The_admin_sees_the_invite_link_and_the_members()
    {
        var (admin, member, room) = await GroupWithMemberAsync();
        using var _ = admin;

        var page = await admin.GetPageAsync(RoomSteps.EditPath(room));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.TestId("invite-link")?.GetAttribute("value"), Does.EndWith(RoomSteps.JoinPath(await App.InviteCodeAsync(room))));
            Assert.That(page.TestId("members")?.QuerySelectorAll("li[data-user-id]").Select(li => li.GetAttribute("data-user-id")),
                Does.Contain(await App.UserIdAsync(member)));
        }
    }

    [Test]
    public async Task Renaming_stores_the_trimmed_title_and_comes_back_with_a_flash()
    {
        var (admin, _, room) = await GroupWithMemberAsync();
        using var __ = admin;

        using var response = await admin.EditAsync(room, "Rename", new Dictionary<string, string> { ["Title"] = "  Book club  " });

        var page = await AssertBackOnEditAsync(admin, response, room);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Flashes, Does.Contain("Group renamed."));
            Assert.That(await TitleAsync(room), Is.EqualTo("Book club"));
        }
    }

    [Test]
    public async Task A_rename_is_shown_on_the_rooms_page_at_once()
    {
        var (admin, _, room) = await GroupWithMemberAsync();
        using var __ = admin;
        await admin.GetPageAsync(ChatSteps.RoomPath(room)); // the room's card is now kept

        using (await admin.EditAsync(room, "Rename", new Dictionary<string, string> { ["Title"] = "Renamed club" })) { }
        var page = await admin.GetPageAsync(ChatSteps.RoomPath(room));

        Assert.That(page.Document.QuerySelector("h1.chat-title")?.TextContent.Trim(), Is.EqualTo("Renamed club"));
    }

    [Test]
    public async Task A_blank_rename_is_refused_with_the_error_and_keeps_the_title()
    {
        var (admin, _, room) = await GroupWithMemberAsync();
        using var __ = admin;

        using var response = await admin.EditAsync(room, "Rename", new Dictionary<string, string> { ["Title"] = "  " });

        var page = await HtmlPage.ParseAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(page.FieldError("Title"), Is.EqualTo("Give the group a name."));
            Assert.That(await TitleAsync(room), Is.EqualTo("Test group"));
        }
    }

    [Test]
    public async Task Removing_a_member_ends_their_membership_and_lists_them_as_removed()
    {
        var (admin, member, room) = await GroupWithMemberAsync();
        using var _ = admin;

        using var response = await admin.RemoveMemberAsync(App, room, member);

        var page = await AssertBackOnEditAsync(admin, response, room);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Flashes, Does.Contain("Member removed."));
            Assert.That(await App.IsMemberAsync(room, member), Is.False);
            Assert.That(page.TestId("removed")?.TextContent, Does.Contain(member.Username));
        }
    }

    [Test]
    public async Task The_admin_cannot_remove_themselves()
    {
        var (admin, adminUser) = await App.SignedUpAsync("admin");
        using var _ = admin;
        var room = await App.CreateGroupAsync(adminUser);

        using var response = await admin.RemoveMemberAsync(App, room, adminUser);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That((await HtmlPage.ParseAsync(response)).SummaryErrors, Does.Contain("To leave your own group, use Leave."));
            Assert.That(await App.IsMemberAsync(room, adminUser), Is.True);
        }
    }

    [Test]
    public async Task Reinviting_a_removed_member_clears_their_removal()
    {
        var (admin, member, room) = await GroupWithMemberAsync();
        using var _ = admin;
        using (await admin.RemoveMemberAsync(App, room, member)) { }

        using var response = await admin.ReinviteAsync(App, room, member);

        var page = await AssertBackOnEditAsync(admin, response, room);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Flashes, Does.Contain("They can join again through the invite link."));
            Assert.That(page.TestId("removed"), Is.Null);
            Assert.That(await App.QueryAsync(db => db.Removals.CountAsync(r => db.Rooms.Any(x => x.Id == r.RoomId && x.Name == room))), Is.Zero);
        }
    }

    [Test]
    public async Task A_new_invite_link_replaces_the_shown_one()
    {
        var (admin, _, room) = await GroupWithMemberAsync();
        using var __ = admin;
        var before = await App.InviteCodeAsync(room);

        using var response = await admin.EditAsync(room, "ResetInvite");

        var page = await AssertBackOnEditAsync(admin, response, room);
        var after = await App.InviteCodeAsync(room);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after, Is.Not.EqualTo(before));
            Assert.That(page.TestId("invite-link")?.GetAttribute("value"), Does.EndWith(RoomSteps.JoinPath(after)));
            Assert.That(page.Flashes, Does.Contain("New invite link made; the old one no longer works."));
        }
    }
}
