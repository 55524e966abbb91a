using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Realtime;

/// <summary>What a room's page says its reader has seen: kept on their membership, and told to their other pages' chat lists.</summary>
public sealed class ReadMarksTests : AppFixture
{
    /// <summary>The marks are written once a second; a couple of seconds is plenty.</summary>
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(3);

    /// <summary>Alice wrote Bob three messages; Bob has the room open and another page with its site socket.</summary>
    private sealed record UnreadChat(PrivateChat Chat, int RoomId, long LastId, ChatSocket BobPage, ChatSocket BobSite) : IAsyncDisposable
    {
        public Task SendReadAsync(ChatSocket page, long messageId) => page.SendTextAsync($$"""{"read":{{messageId}}}""");

        public Task<string> ReadToldAsync(ChatSocket site, string what = "the read notice") =>
            site.WaitForAsync(f => RoomSteps.IsRead(f, RoomId), what, Soon);

        public async ValueTask DisposeAsync()
        {
            await BobPage.DisposeAsync();
            await BobSite.DisposeAsync();
            Chat.Dispose();
        }
    }

    private async Task<UnreadChat> UnreadChatAsync()
    {
        var chat = await App.PrivateChatAsync();
        var ids = await App.SeedMessagesAsync(chat.Alice, 3, chat.Room);
        var bobPage = await ChatSocket.ConnectAsync(App.BaseAddress, chat.BobWeb, chat.Room, name: "bob's room socket");
        await bobPage.SendResumeAsync(ids[^1]);
        var bobSite = await ChatSocket.ConnectAsync(App.BaseAddress, chat.BobWeb, room: null, name: "bob's site socket");
        return new UnreadChat(chat, await App.RoomIdAsync(chat.Room), ids[^1], bobPage, bobSite);
    }

    [Test]
    public async Task Reading_the_room_clears_its_badge_on_the_readers_other_pages_and_in_the_list()
    {
        await using var unread = await UnreadChatAsync();
        var (chat, roomId, lastId, bobPage, bobSite) = unread;
        var before = (await chat.BobWeb.ChatListAsync()).Entry(roomId).Unread;

        await unread.SendReadAsync(bobPage, lastId);

        await unread.ReadToldAsync(bobSite);
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
        await using var unread = await UnreadChatAsync();
        var (chat, roomId, lastId, bobPage, bobSite) = unread;

        await unread.SendReadAsync(bobPage, lastId - 1);

        await unread.ReadToldAsync(bobSite);
        Assert.That((await chat.BobWeb.ChatListAsync()).Entry(roomId).Unread, Is.EqualTo(1));
    }

    [Test]
    public async Task A_read_mark_is_told_to_the_reader_only()
    {
        await using var unread = await UnreadChatAsync();
        var (chat, roomId, lastId, bobPage, bobSite) = unread;
        await using var aliceSite = await ChatSocket.ConnectAsync(App.BaseAddress, chat.AliceWeb, room: null, name: "alice's site socket");

        await unread.SendReadAsync(bobPage, lastId);
        await unread.ReadToldAsync(bobSite);
        // Alice's own read mark after Bob's: once hers is told, Bob's would have come before it.
        await using var alicePage = await ChatSocket.ConnectAsync(App.BaseAddress, chat.AliceWeb, chat.Room, name: "alice's room socket");
        await alicePage.SendResumeAsync(lastId);
        await unread.SendReadAsync(alicePage, lastId);
        await unread.ReadToldAsync(aliceSite, "alice's own read notice");

        Assert.That(aliceSite.Received.Count(f => RoomSteps.IsRead(f, roomId)), Is.EqualTo(1), "her own, not Bob's");
    }
}
