using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Realtime;

/// <summary>
/// What sockets hear of rooms: a new message as activity for the chat lists of pages that do not show its room, chat
/// lists told to load again when a chat comes or goes, and the room's pages closed, saying why, when access ends.
/// </summary>
public sealed class RoomEventsTests : AppFixture
{
    private const string RemovedNotice = "The admin removed you from this group.";
    private const string DeletedNotice = "This group was deleted.";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Chat:SendLimit"] = "1000" };

    /// <summary>A socket on <paramref name="room"/>'s page that has said what it shows, so it gets live messages at once.</summary>
    private async Task<ChatSocket> OpenRoomPageAsync(WebSession web, string room, string name)
    {
        var socket = await ChatSocket.ConnectAsync(App.BaseAddress, web, room, name: name);
        await socket.SendResumeAsync(await App.LastMessageIdAsync(room));
        return socket;
    }

    private async Task<long> SendAsync(WebSession web, string room, string body)
    {
        await (await web.OpenComposerAsync(room)).SendAsync(body);
        return await App.MessageIdAsync(body);
    }

    [Test]
    public async Task A_message_in_a_private_chat_reaches_the_other_persons_site_socket_as_activity()
    {
        using var chat = await App.PrivateChatAsync();
        await using var bobSite = await ChatSocket.ConnectAsync(App.BaseAddress, chat.BobWeb, room: null, name: "bob's site socket");
        var roomId = await App.RoomIdAsync(chat.Room);

        var id = await SendAsync(chat.AliceWeb, chat.Room, $"Hi Bob, {Guid.NewGuid()}");

        var frame = await bobSite.WaitForAsync(f => RoomSteps.IsActivity(f, roomId, id), $"activity of message {id}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(frame, Does.StartWith("<div hx-swap-oob=\"beforeend:#chat-list-events\">"));
            Assert.That(frame, Does.Contain($"data-author-id=\"{await App.UserIdAsync(chat.Alice)}\""));
            Assert.That(ChatSocket.MessageIdsIn(frame), Is.Empty, "the list hears of the message, the page is not sent it");
        }
    }

    [Test]
    public async Task A_message_in_a_group_reaches_the_members_site_sockets_as_activity_and_not_outsiders()
    {
        using var chat = await App.PrivateChatAsync();
        var (outsiderWeb, _) = await App.SignedUpAsync("outsider");
        using var __ = outsiderWeb;
        var group = await App.CreateGroupAsync(chat.Alice, chat.Bob);
        var (roomId, publicId) = (await App.RoomIdAsync(group), await App.RoomIdAsync(ChatSteps.PublicRoom));
        await using var bobSite = await ChatSocket.ConnectAsync(App.BaseAddress, chat.BobWeb, room: null, name: "bob's site socket");
        await using var outsiderSite = await ChatSocket.ConnectAsync(App.BaseAddress, outsiderWeb, room: null, name: "the outsider's site socket");

        var id = await SendAsync(chat.AliceWeb, group, $"Hi group, {Guid.NewGuid()}");
        await bobSite.WaitForAsync(f => RoomSteps.IsActivity(f, roomId, id), $"activity of message {id}");
        // A public message after it: once the outsider has that one's activity, the group's would have come before it.
        var marker = await SendAsync(chat.AliceWeb, ChatSteps.PublicRoom, $"Hi all, {Guid.NewGuid()}");
        await outsiderSite.WaitForAsync(f => RoomSteps.IsActivity(f, publicId, marker), "the public message's activity");

        Assert.That(outsiderSite.Received.Where(f => f.Contains($"data-room-id=\"{roomId}\"", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task A_socket_on_the_rooms_page_gets_the_message_but_not_its_activity()
    {
        using var chat = await App.PrivateChatAsync();
        var roomId = await App.RoomIdAsync(chat.Room);
        await using var bobPage = await OpenRoomPageAsync(chat.BobWeb, chat.Room, "bob's room socket");
        await using var bobSite = await ChatSocket.ConnectAsync(App.BaseAddress, chat.BobWeb, room: null, name: "bob's site socket");

        var first = await SendAsync(chat.AliceWeb, chat.Room, $"One, {Guid.NewGuid()}");
        var second = await SendAsync(chat.AliceWeb, chat.Room, $"Two, {Guid.NewGuid()}");
        await bobPage.WaitForMessageAsync(second); // the first one's activity, had it been sent here, came before this
        await bobSite.WaitForAsync(f => RoomSteps.IsActivity(f, roomId, first), "the first message's activity");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bobPage.MessageIds, Is.EqualTo(new[] { first, second }));
            Assert.That(bobPage.Received.Where(f => f.Contains("chat-list-events", StringComparison.Ordinal)), Is.Empty);
        }
    }

    [Test]
    public async Task Creating_a_group_tells_the_creators_other_pages_to_load_their_list_again()
    {
        var (web, _) = await App.SignedUpAsync("maker");
        using var __ = web;
        await using var site = await ChatSocket.ConnectAsync(App.BaseAddress, web, room: null, name: "the creator's site socket");

        await web.CreateGroupAsync();

        await site.WaitForAsync(RoomSteps.IsListChanged, "the list-changed notice");
    }

    [Test]
    public async Task Joining_a_group_tells_the_joiners_other_pages_to_load_their_list_again()
    {
        var (_, admin) = await App.SignedUpAsync("admin");
        var (web, _) = await App.SignedUpConfirmedAsync("guest");
        using var __ = web;
        var group = await App.CreateGroupAsync(admin);
        await using var site = await ChatSocket.ConnectAsync(App.BaseAddress, web, room: null, name: "the joiner's site socket");

        await web.JoinGroupAsync(App, group);

        await site.WaitForAsync(RoomSteps.IsListChanged, "the list-changed notice");
    }

    [Test]
    public async Task Starting_a_private_chat_tells_the_starters_other_pages_to_load_their_list_again()
    {
        var (aliceWeb, _) = await App.SignedUpAsync("alice");
        var (bobWeb, bob) = await App.SignedUpAsync("bob");
        using var __ = aliceWeb;
        bobWeb.Dispose();
        await using var site = await ChatSocket.ConnectAsync(App.BaseAddress, aliceWeb, room: null, name: "alice's site socket");

        await aliceWeb.StartPrivateChatAsync(bob);

        await site.WaitForAsync(RoomSteps.IsListChanged, "the list-changed notice");
    }

    [Test]
    public async Task A_removed_members_open_room_page_is_told_why_and_closed()
    {
        using var chat = await App.PrivateChatAsync();
        var group = await App.CreateGroupAsync(chat.Alice, chat.Bob);
        await using var bobPage = await OpenRoomPageAsync(chat.BobWeb, group, "bob's room socket");

        using (var removed = await chat.AliceWeb.RemoveMemberAsync(App, group, chat.Bob))
            Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var notice = await bobPage.WaitForAccessEndedAsync();
        Assert.That(notice, Does.Contain(RemovedNotice));
    }

    [Test]
    public async Task A_removal_leaves_the_other_members_page_and_the_removed_members_other_pages_open()
    {
        using var chat = await App.PrivateChatAsync();
        var group = await App.CreateGroupAsync(chat.Alice, chat.Bob);
        await using var alicePage = await OpenRoomPageAsync(chat.AliceWeb, group, "alice's room socket");
        await using var bobSite = await ChatSocket.ConnectAsync(App.BaseAddress, chat.BobWeb, room: null, name: "bob's site socket");

        using (await chat.AliceWeb.RemoveMemberAsync(App, group, chat.Bob)) { }
        await bobSite.WaitForAsync(RoomSteps.IsListChanged, "the list-changed notice");
        var after = await SendAsync(chat.AliceWeb, group, $"Still here, {Guid.NewGuid()}");
        await alicePage.WaitForMessageAsync(after);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(alicePage.Received.Where(RoomSteps.IsAccessEnded), Is.Empty);
            Assert.That(bobSite.Received.Where(RoomSteps.IsAccessEnded), Is.Empty);
            Assert.That(bobSite.Socket.State, Is.EqualTo(System.Net.WebSockets.WebSocketState.Open));
        }
    }

    [Test]
    public async Task A_removed_member_is_refused_the_room_and_its_link_until_the_admin_reinvites_them()
    {
        var (aliceWeb, alice) = await App.SignedUpAsync("alice");
        var (bobWeb, bob) = await App.SignedUpConfirmedAsync("bob");
        using var _ = aliceWeb;
        using var __ = bobWeb;
        var group = await App.CreateGroupAsync(alice, bob);
        var code = await App.InviteCodeAsync(group);
        using (await aliceWeb.RemoveMemberAsync(App, group, bob)) { }

        var upgrade = await ChatSocket.RefusedStatusAsync(App.BaseAddress, bobWeb, group);
        using var page = await bobWeb.GetAsync(ChatSteps.RoomPath(group));
        using var refused = await bobWeb.JoinAsync(code);
        using (await aliceWeb.ReinviteAsync(App, group, bob)) { }
        using var rejoined = await bobWeb.JoinAsync(code);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(upgrade, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(RoomSteps.RoomOf(rejoined), Is.EqualTo(group), "after the re-invite the link works again");
        }
    }

    [Test]
    public async Task Deleting_a_group_tells_every_open_page_of_it_and_closes_them()
    {
        using var chat = await App.PrivateChatAsync();
        var group = await App.CreateGroupAsync(chat.Alice, chat.Bob);
        await using var alicePage = await OpenRoomPageAsync(chat.AliceWeb, group, "alice's room socket");
        await using var bobPage = await OpenRoomPageAsync(chat.BobWeb, group, "bob's room socket");

        using (var deleted = await chat.AliceWeb.PostFormAsync(RoomSteps.DeletePath(group)))
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var toBob = await bobPage.WaitForAccessEndedAsync();
        var toAlice = await alicePage.WaitForAccessEndedAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(toBob, Does.Contain(DeletedNotice));
            Assert.That(toAlice, Is.EqualTo(toBob), "the same frame for everyone");
        }
    }

    [Test]
    public async Task The_last_member_leaving_closes_their_other_open_page_of_the_group()
    {
        var (web, user) = await App.SignedUpAsync("alone");
        using var _ = web;
        var group = await App.CreateGroupAsync(user);
        await using var page = await OpenRoomPageAsync(web, group, "the other tab's room socket");

        using (await web.PostFormAsync(RoomSteps.LeavePath(group))) { }

        Assert.That(await page.WaitForAccessEndedAsync(), Does.Contain(DeletedNotice));
    }

    [Test]
    public async Task Leaving_closes_the_leavers_other_open_page_of_the_group()
    {
        using var chat = await App.PrivateChatAsync();
        var group = await App.CreateGroupAsync(chat.Alice, chat.Bob);
        await using var page = await OpenRoomPageAsync(chat.BobWeb, group, "bob's other tab's room socket");

        using (await chat.BobWeb.PostFormAsync(RoomSteps.LeavePath(group))) { }

        Assert.That(await page.WaitForAccessEndedAsync(), Does.Contain("You left this group."));
    }

    [Test]
    public async Task Someone_opening_a_chats_page_lights_its_dot_in_the_other_persons_list_and_closing_it_turns_it_off()
    {
        using var chat = await App.PrivateChatAsync();
        var roomId = await App.RoomIdAsync(chat.Room);
        var aliceId = await App.UserIdAsync(chat.Alice);
        await using var bobSite = await ChatSocket.ConnectAsync(App.BaseAddress, chat.BobWeb, room: null, name: "bob's site socket");
        bool IsDot(string frame) => frame.Contains($"<style data-room-dot=\"{roomId}\"", StringComparison.Ordinal);

        var alicePage = await ChatSocket.ConnectAsync(App.BaseAddress, chat.AliceWeb, chat.Room, name: "alice's room socket");
        var lit = await bobSite.WaitForAsync(IsDot, "the room's dot");
        await alicePage.DisposeAsync();
        var off = await bobSite.WaitForAsync(IsDot, "the room's dot again");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lit, Does.Contain($"body:not([data-viewer-id=\"{aliceId}\"]) #chat-item-{roomId} .chat-dot"), "green for all but Alice's own page");
            Assert.That(off, Does.Not.Contain(".chat-dot"), "no rule once nobody is there");
        }
    }
}
