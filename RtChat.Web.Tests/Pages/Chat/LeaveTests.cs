using System.Net;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary><c>/chat/leave/{name}</c>: a member confirms and is out; an admin hands the group over; the last one out deletes it.</summary>
public sealed class LeaveTests : AppFixture
{
    private async Task JoinAtAsync(string room, TestUser user, DateTimeOffset joinedAt)
    {
        var id = await App.UserIdAsync(user);
        await App.QueryAsync(async db =>
        {
            (await db.FindWholeAsync(room))!.Join(id, joinedAt);
            return await db.SaveChangesAsync();
        });
    }

    private Task<string?> AdminIdAsync(string room) => App.QueryAsync(db => db.Rooms.Where(r => r.Name == room).Select(r => r.AdminId).SingleAsync());

    /// <summary>Confirms on the Leave page, and fails unless that goes home.</summary>
    private static async Task LeaveAsync(WebSession web, string room)
    {
        var page = await web.GetPageAsync(RoomSteps.LeavePath(room));
        using var response = await web.SubmitAsync(page);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/"));
        }
    }

    [Test]
    public async Task A_member_who_leaves_is_no_longer_a_member_and_the_admin_stays()
    {
        var (_, admin) = await App.SignedUpAsync("admin");
        var (web, member) = await App.SignedUpAsync("member");
        using var __ = web;
        var room = await App.CreateGroupAsync(admin, member);

        await LeaveAsync(web, room);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await App.IsMemberAsync(room, member), Is.False);
            Assert.That(await App.IsMemberAsync(room, admin), Is.True);
            Assert.That(await AdminIdAsync(room), Is.EqualTo(await App.UserIdAsync(admin)));
        }
    }

    [Test]
    public async Task An_admin_who_leaves_hands_the_group_to_the_longest_standing_member()
    {
        var (web, admin) = await App.SignedUpAsync("admin");
        var (_, one) = await App.SignedUpAsync("member");
        var (_, other) = await App.SignedUpAsync("member");
        using var __ = web;
        var room = await App.CreateGroupAsync(admin);
        // The elder's id sorts last, so only the join time can make them the heir.
        var (elder, younger) = string.CompareOrdinal(await App.UserIdAsync(one), await App.UserIdAsync(other)) > 0 ? (one, other) : (other, one);
        var now = DateTimeOffset.UtcNow;
        await JoinAtAsync(room, elder, now.AddMinutes(1));
        await JoinAtAsync(room, younger, now.AddMinutes(2));

        await LeaveAsync(web, room);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await AdminIdAsync(room), Is.EqualTo(await App.UserIdAsync(elder)));
            Assert.That(await App.IsMemberAsync(room, admin), Is.False);
        }
    }

    [Test]
    public async Task The_last_member_to_leave_deletes_the_group_and_its_messages()
    {
        var (web, admin) = await App.SignedUpAsync("admin");
        using var _ = web;
        var room = await App.CreateGroupAsync(admin);
        var roomId = await App.RoomIdAsync(room);
        await App.SeedMessagesAsync(admin, 2, room);

        await LeaveAsync(web, room);

        var left = await App.QueryAsync(async db => (await db.Rooms.CountAsync(r => r.Id == roomId), await db.Messages.CountAsync(m => m.RoomId == roomId)));
        Assert.That(left, Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task The_last_member_is_told_the_group_goes_with_them()
    {
        var (web, admin) = await App.SignedUpAsync("admin");
        using var _ = web;
        var room = await App.CreateGroupAsync(admin);

        var page = await web.GetPageAsync(RoomSteps.LeavePath(room));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Text, Does.Contain("You are its last member"));
            Assert.That(page.TestId("confirm-leave"), Is.Not.Null);
        }
    }
}
