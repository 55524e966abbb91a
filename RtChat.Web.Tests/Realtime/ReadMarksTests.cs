using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Realtime;

/// <summary>What a room's page says its reader has seen: kept on their membership, and told to their other pages' chat lists.</summary>
public sealed class ReadMarksTests : AppFixture
{
    /// <summary>The marks are written once a second; a couple of seconds is plenty.</summary>
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(3);

    /// <summary>Alice wrote Bob three messages; Bob has the room open and another page with its site socket.</summary>
    private async Task<(PrivateChat Chat, int RoomId, long LastId, ChatSocket BobPage, ChatSocket BobSite)> UnreadChatAsync()
    {
        var chat = await App.PrivateChatAsync();
        var ids = await App.SeedMessagesAsync(chat.Alice, 3, chat.Room);
        var bobPage = await ChatSocket.ConnectAsync(App.BaseAddress, chat.BobWeb, chat.Room, name: "bob's room socket");
        await bobPage.SendResumeAsync(ids[^1]);
        var bobSite = await ChatSocket.ConnectAsync(App.BaseAddress, chat.BobWeb, room: null, name: "bob's site socket");
        return (chat, await App.RoomIdAsync(chat.Room), ids[^1], bobPage, bobSite);
    }

    [Test]
    public async Task Reading_the_room_clears_its_badge_on_the_readers_other_pages_and_in_the_list()
    {
        var (chat, roomId, lastId, bobPage, bobSite) = await UnreadChatAsync();
        using var _ = chat;
        await using var __ = bobPage;
        await using var ___ = bobSite;
        var before = (await chat.BobWeb.ChatListAsync()).Entry(roomId).Unread;

        await bobPage.SendTextAsync($$"""{"read":{{lastId}}}""");

        await bobSite.WaitForAsync(f => RoomSteps.IsRead(f, roomId), "the read notice", Soon);
        var after = (await chat.BobWeb.ChatListAsync()).Entry(roomId).Unread;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.EqualTo(3));
            Assert.That(after, Is.Zero);
        }
    }

    [Test]
    public async Task Reading_part_of_the_room_leaves_the_rest_unread()
    {
        var (chat, roomId, lastId, bobPage, bobSite) = await UnreadChatAsync();
        using var _ = chat;
        await using var __ = bobPage;
        await using var ___ = bobSite;

        await bobPage.SendTextAsync($$"""{"read":{{lastId - 1}}}""");

        await bobSite.WaitForAsync(f => RoomSteps.IsRead(f, roomId), "the read notice", Soon);
        Assert.That((await chat.BobWeb.ChatListAsync()).Entry(roomId).Unread, Is.EqualTo(1));
    }

    [Test]
    public async Task A_read_mark_is_told_to_the_reader_only()
    {
        var (chat, roomId, lastId, bobPage, bobSite) = await UnreadChatAsync();
        using var _ = chat;
        await using var __ = bobPage;
        await using var ___ = bobSite;
        await using var aliceSite = await ChatSocket.ConnectAsync(App.BaseAddress, chat.AliceWeb, room: null, name: "alice's site socket");

        await bobPage.SendTextAsync($$"""{"read":{{lastId}}}""");
        await bobSite.WaitForAsync(f => RoomSteps.IsRead(f, roomId), "the read notice", Soon);
        // Alice's own read mark after Bob's: once hers is told, Bob's would have come before it.
        await using var alicePage = await ChatSocket.ConnectAsync(App.BaseAddress, chat.AliceWeb, chat.Room, name: "alice's room socket");
        await alicePage.SendResumeAsync(lastId);
        await alicePage.SendTextAsync($$"""{"read":{{lastId}}}""");
        await aliceSite.WaitForAsync(f => RoomSteps.IsRead(f, roomId), "alice's own read notice", Soon);

        Assert.That(aliceSite.Received.Count(f => RoomSteps.IsRead(f, roomId)), Is.EqualTo(1), "her own, not Bob's");
    }
}
