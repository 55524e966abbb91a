using Microsoft.EntityFrameworkCore;
using RtChat.Web.Areas.Admin;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Realtime;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Admin.Rooms;

/// <summary><c>/admin/rooms/{id}</c>: rename a group, delete any room but the public chat (its members told live).</summary>
public sealed class DetailsTests : AdminFixture
{
    [Test]
    public async Task Deleting_a_group_tells_its_members_open_pages_and_removes_it()
    {
        var (web, member) = await App.SignedUpAsync("member");
        using var _ = web;
        var group = await App.CreateGroupAsync(member);
        var id = await App.RoomIdAsync(group);
        await App.SeedMessagesAsync(member, 2, group);
        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, group, name: "the member's group page");

        using var deleted = await Admin.PostFormAsync(AdminSteps.RoomPath(id, "Delete"));

        Assert.That(deleted.Headers.Location?.OriginalString, Is.EqualTo(AdminUrls.Rooms));
        Assert.That(await page.WaitForAccessEndedAsync(), Does.Contain(RoomEvents.Deleted));
        Assert.That(await App.QueryAsync(db => db.Rooms.AnyAsync(r => r.Id == id)), Is.False);
        Assert.That(await App.QueryAsync(db => db.Messages.AnyAsync(m => m.RoomId == id)), Is.False);
    }

    [Test]
    public async Task The_public_chat_cannot_be_deleted()
    {
        var publicId = await App.RoomIdAsync(ChatRoom.PublicChatName);

        using var refused = await Admin.PostFormAsync(AdminSteps.RoomPath(publicId, "Delete"));

        var landed = await Admin.FollowAsync(refused);
        Assert.That(landed.Flashes, Has.Some.Contains("cannot be deleted"));
        Assert.That(await App.QueryAsync(db => db.Rooms.AnyAsync(r => r.Id == publicId)), Is.True);
    }

    [Test]
    public async Task Renaming_a_group_changes_its_title_everywhere()
    {
        var (web, member) = await App.SignedUpAsync("renamed");
        using var _ = web;
        var group = await App.CreateGroupAsync(member);
        var id = await App.RoomIdAsync(group);
        await web.GetPageAsync(ChatSteps.RoomPath(group)); // its card is kept from here on

        using (await Admin.PostFormAsync(AdminSteps.RoomPath(id, "Rename"), new Dictionary<string, string> { ["Title"] = "Book club" })) { }

        var roomPage = await web.GetPageAsync(ChatSteps.RoomPath(group));
        Assert.That(roomPage.Text, Does.Contain("Book club"), "the kept room card is forgotten");
    }

    [Test]
    public async Task The_room_list_shows_member_and_message_counts_by_kind()
    {
        var (web, member) = await App.SignedUpAsync("counted");
        web.Dispose();
        var group = await App.CreateGroupAsync(member);
        var id = await App.RoomIdAsync(group);
        await App.SeedMessagesAsync(member, 4, group);

        var groups = await Admin.GetPageAsync($"{AdminUrls.Rooms}?kind=Group");
        var privates = await Admin.GetPageAsync($"{AdminUrls.Rooms}?kind=Private");

        var row = groups.Document.QuerySelector($"tr[data-room-id='{id}']");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(row?.QuerySelector("[data-members]")?.TextContent, Is.EqualTo("1"));
            Assert.That(row?.QuerySelector("[data-messages]")?.TextContent, Is.EqualTo("4"));
            Assert.That(privates.Document.QuerySelector($"tr[data-room-id='{id}']"), Is.Null, "only the kind asked for");
        }
    }
}
