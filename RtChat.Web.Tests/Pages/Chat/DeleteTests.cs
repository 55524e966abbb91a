using System.Net;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary><c>/chat/delete/{name}</c>: the admin confirms, then the group, its messages and memberships go.</summary>
public sealed class DeleteTests : AppFixture
{
    [Test]
    public async Task The_admin_is_asked_to_confirm_first()
    {
        var (admin, adminUser) = await App.SignedUpAsync("admin");
        using var _ = admin;
        var room = await App.CreateGroupAsync(adminUser);

        var page = await admin.GetPageAsync(RoomSteps.DeletePath(room));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.TestId("confirm-delete"), Is.Not.Null);
            Assert.That(await App.RoomIdAsync(room), Is.Positive, "a GET deletes nothing");
        }
    }

    [Test]
    public async Task Deleting_removes_the_room_its_messages_and_memberships_and_goes_home()
    {
        var (admin, adminUser) = await App.SignedUpAsync("admin");
        var (memberWeb, member) = await App.SignedUpAsync("member");
        using var _ = admin;
        memberWeb.Dispose();
        var room = await App.CreateGroupAsync(adminUser, member);
        var roomId = await App.RoomIdAsync(room);
        await App.SeedMessagesAsync(member, 3, room);
        var page = await admin.GetPageAsync(RoomSteps.DeletePath(room));

        using var response = await admin.SubmitAsync(page);

        var left = await App.QueryAsync(async db => new
        {
            Rooms = await db.Rooms.CountAsync(r => r.Id == roomId),
            Messages = await db.Messages.CountAsync(m => m.RoomId == roomId),
            Memberships = await db.Memberships.CountAsync(m => m.RoomId == roomId),
        });
        var home = await admin.FollowAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/"));
            Assert.That(left, Is.EqualTo(new { Rooms = 0, Messages = 0, Memberships = 0 }));
            Assert.That(home.Flashes, Does.Contain("“Test group” was deleted."));
        }
    }
}
