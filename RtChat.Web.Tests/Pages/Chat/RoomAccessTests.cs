using System.Net;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary>A group's page is for its members, asked each time: rooms are kept in memory, memberships are not.</summary>
public sealed class RoomAccessTests : AppFixture
{
    // Outsiders learn nothing of a room they may not read, not even that it exists.
    private static void AssertAccessDenied(HttpResponseMessage response) =>
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

    /// <summary>A group of one, whose page its member has just been shown (so the room is kept in memory).</summary>
    private async Task<(WebSession Member, TestUser User, string Room)> MemberWhoOpenedTheirGroupAsync()
    {
        var (member, user) = await App.SignedUpAsync("access");
        var room = await App.CreateGroupAsync(user);
        using (var shown = await member.GetAsync(ChatSteps.RoomPath(room)))
            Assert.That(shown.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (member, user, room);
    }

    [Test]
    public async Task A_groups_page_shows_to_its_members_and_is_refused_to_others()
    {
        var (member, memberUser) = await App.SignedUpAsync("access");
        var (outsider, _) = await App.SignedUpAsync("access");
        using var _ = member;
        using var __ = outsider;
        var room = await App.CreateGroupAsync(memberUser);

        using var shown = await member.GetAsync(ChatSteps.RoomPath(room));
        using var refused = await outsider.GetAsync(ChatSteps.RoomPath(room));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(shown.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await shown.Content.ReadAsStringAsync(), Does.Contain("Test group"));
            AssertAccessDenied(refused);
        }
    }

    [Test]
    public async Task A_member_removed_from_a_group_is_refused_its_page_at_once()
    {
        var (member, memberUser, room) = await MemberWhoOpenedTheirGroupAsync();
        using var _ = member;
        var id = await App.UserIdAsync(memberUser);

        await App.QueryAsync(db => db.Memberships.Where(m => db.Rooms.Any(r => r.Id == m.RoomId && r.Name == room) && m.UserId == id).ExecuteDeleteAsync());
        using var after = await member.GetAsync(ChatSteps.RoomPath(room));

        AssertAccessDenied(after);
    }

    [Test]
    public async Task A_deleted_room_is_not_found_right_after_its_page_was_shown()
    {
        var (member, _, room) = await MemberWhoOpenedTheirGroupAsync();
        using var __ = member;

        await App.QueryAsync(async db =>
        {
            db.Rooms.Remove(await db.Rooms.SingleAsync(r => r.Name == room));
            return await db.SaveChangesAsync();
        });
        using var after = await member.GetAsync(ChatSteps.RoomPath(room));

        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
