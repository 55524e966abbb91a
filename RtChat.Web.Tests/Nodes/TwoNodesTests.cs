using Microsoft.Extensions.Logging;
using RtChat.Web.Realtime;
using RtChat.Web.Tests.Support;
using StackExchange.Redis;

namespace RtChat.Web.Tests.Nodes;

/// <summary>Two web nodes behind one Redis behave as one chat: what happens on one is seen on the other.</summary>
public sealed class TwoNodesTests : TwoNodesFixture
{
    [Test]
    public async Task A_message_posted_on_node_A_reaches_a_socket_on_node_B()
    {
        using var chat = await NodeA.PrivateChatAsync();
        await using var bobOnB = await OpenRoomPageAsync(NodeB, chat.BobWeb, chat.Room, "bob's socket on node B");
        await WaitUntilLiveAsync(bobOnB, NodeA, chat.AliceWeb, chat.Room);

        var id = await SendAsync(NodeA, chat.AliceWeb, chat.Room, $"Hi from A, {Guid.NewGuid()}");

        await bobOnB.WaitForMessageAsync(id);
    }

    [Test]
    public async Task Alice_typing_on_node_A_shows_to_bob_on_node_B()
    {
        using var chat = await NodeA.PrivateChatAsync();
        await using var aliceOnA = await OpenRoomPageAsync(NodeA, chat.AliceWeb, chat.Room, "alice's socket on node A");
        await using var bobOnB = await OpenRoomPageAsync(NodeB, chat.BobWeb, chat.Room, "bob's socket on node B");
        await bobOnB.WaitForOnlineCountAsync(2);

        await aliceOnA.SendTypingAsync();

        await bobOnB.WaitForTypersAsync(null, await NodeA.UserIdAsync(chat.Alice));
    }

    [Test]
    public async Task A_sign_in_cookie_from_node_A_works_on_node_B()
    {
        var (web, user) = await NodeA.SignedUpAsync("cookie");
        using var _ = web;
        using var onB = On(NodeB, web);

        var page = await onB.GetPageAsync(ProfileSteps.EditPath);

        Assert.That(page.Url.AbsolutePath, Is.EqualTo(ProfileSteps.EditPath), "node B reads node A's cookie (no way to the log-in page)");
        Assert.That(page.HeaderName(), Is.EqualTo(user.Username));
    }

    [Test]
    public async Task A_profile_edit_on_node_A_shows_on_node_B_next_page()
    {
        var (web, onB) = await UserKnownToBothAsync("edit");
        using var __ = web;
        using var ___ = onB;

        using (await web.SaveProfileAsync(null, displayName: "Renamed On A")) { }

        Assert.That(await NodeBShowsNameAsync(onB, "Renamed On A"), "node B's header shows the new name");
    }

    [Test]
    public async Task A_group_renamed_on_node_A_shows_renamed_on_node_B()
    {
        using var people = await NodeA.TwoPeopleAsync();
        var group = await NodeA.CreateGroupAsync(people.Alice, people.Bob);
        using var bobOnB = On(NodeB, people.BobWeb);
        await bobOnB.GetPageAsync(ChatSteps.RoomPath(group)); // node B keeps the room's card

        using (await people.AliceWeb.EditAsync(group, "Rename", new Dictionary<string, string> { ["Title"] = "After" })) { }

        Assert.That(await EventuallyAsync(async () =>
                (await bobOnB.GetPageAsync(ChatSteps.RoomPath(group))).Document.QuerySelector("h1.chat-title")?.TextContent.Trim() == "After"),
            "node B's room page shows the new title");
    }

    [Test]
    public async Task A_message_posted_on_node_A_is_on_node_B_next_page_of_the_room()
    {
        using var chat = await NodeA.PrivateChatAsync();
        using var bobOnB = On(NodeB, chat.BobWeb);
        await bobOnB.GetPageAsync(ChatSteps.RoomPath(chat.Room)); // node B keeps the room's newest page
        var body = $"Kept on A, {Guid.NewGuid()}";

        await SendAsync(NodeA, chat.AliceWeb, chat.Room, body);

        Assert.That(await EventuallyAsync(async () => (await bobOnB.GetPageAsync(ChatSteps.RoomPath(chat.Room))).Document.Body!.TextContent.Contains(body)),
            "node B's room page shows the message");
    }

    [Test]
    public async Task A_room_count_is_the_same_on_both_nodes_and_follows_people_on_either()
    {
        using var chat = await NodeA.PrivateChatAsync();
        await using var aliceOnA = await ChatSocket.ConnectAsync(NodeA.BaseAddress, chat.AliceWeb, chat.Room, name: "alice's socket on node A");
        await using var bobOnB = await ChatSocket.ConnectAsync(NodeB.BaseAddress, chat.BobWeb, chat.Room, name: "bob's socket on node B");

        await aliceOnA.WaitForOnlineCountAsync(2);
        await bobOnB.WaitForOnlineCountAsync(2);
        await aliceOnA.CloseAsync();

        await bobOnB.WaitForOnlineCountAsync(1);
    }

    [Test]
    public async Task Unread_counts_are_the_same_on_both_nodes()
    {
        using var chat = await NodeA.PrivateChatAsync();
        using var bobOnB = On(NodeB, chat.BobWeb);
        var roomId = await NodeA.RoomIdAsync(chat.Room);
        for (var i = 1; i <= 3; i++) await SendAsync(NodeA, chat.AliceWeb, chat.Room, $"Unread {i}, {Guid.NewGuid()}");

        var onA = (await chat.BobWeb.ChatListAsync()).Entry(roomId);
        var onB = (await bobOnB.ChatListAsync()).Entry(roomId);

        Assert.That((onA.Unread, onB.Unread), Is.EqualTo((3, 3)));
    }

    [Test]
    public async Task Removing_a_member_on_node_A_closes_their_socket_on_node_B()
    {
        using var people = await NodeA.TwoPeopleAsync();
        var group = await NodeA.CreateGroupAsync(people.Alice, people.Bob);
        await using var bobOnB = await OpenRoomPageAsync(NodeB, people.BobWeb, group, "bob's socket on node B");

        using (await people.AliceWeb.RemoveMemberAsync(NodeA, group, people.Bob)) { }

        await bobOnB.WaitForAccessEndedAsync();
    }

    [Test]
    public async Task Logging_out_of_other_sessions_on_node_A_ends_a_stolen_cookie_on_node_B_at_once()
    {
        var (thief, user) = await NodeA.SignedUpAsync("owner");
        using var _ = thief;
        using var thiefOnB = On(NodeB, thief);
        using var owner = NodeA.NewSession();
        using (await owner.PostLoginAsync(user.Email, user.Password)) { }
        await using var thiefsPage = await ChatSocket.ConnectAsync(NodeB.BaseAddress, thief, room: null, name: "the thief's page on node B");
        Assert.That((await thiefOnB.GetPageAsync(ProfileSteps.EditPath)).Url.AbsolutePath, Is.EqualTo(ProfileSteps.EditPath), "node B took the cookie");

        using (await owner.PostFormAsync("/profile/sessions")) { }

        // The notice comes after the revocation on the channel, which node B reads in order.
        await thiefsPage.WaitForAsync(f => f.Contains("data-testid=\"session-ended\"", StringComparison.Ordinal), "the session-ended notice");
        using var thiefsNext = await thiefOnB.GetAsync(ProfileSteps.EditPath);
        AccountSteps.AssertRedirectsToLogin(thiefsNext);
    }

    [Test]
    public async Task Garbage_on_the_channel_is_logged_and_ignored()
    {
        using var chat = await NodeA.PrivateChatAsync();
        await using var bobOnB = await OpenRoomPageAsync(NodeB, chat.BobWeb, chat.Room, "bob's socket on node B");
        await WaitUntilLiveAsync(bobOnB, NodeA, chat.AliceWeb, chat.Room);
        var real = BackplaneWire.Encode(new BackplaneMessage(Guid.NewGuid(), RevokedUser: "someone"));
        byte[][] garbage = ["not ours"u8.ToArray(), [], real[..^3], [2, .. real[1..]], [.. real, 0]];
        await using (var stray = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString))
            foreach (var bytes in garbage)
                await stray.GetSubscriber().PublishAsync(RedisBackplane.Channel, bytes);

        var id = await SendAsync(NodeA, chat.AliceWeb, chat.Room, $"After the garbage, {Guid.NewGuid()}");

        await bobOnB.WaitForMessageAsync(id);
        Assert.That(LogsOfB.Logs.Count(l => l.Level == LogLevel.Warning && l.Message.StartsWith("Ignored a message on the backplane")),
            Is.EqualTo(garbage.Length), "each stray message is logged");
    }
}
