using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary><c>/chat/list</c>: the public room and the reader's own chats, newest activity first, with unread counts.</summary>
public sealed class ListTests : AppFixture
{
    [Test]
    public async Task The_list_holds_the_public_room_and_the_readers_chats_but_not_other_peoples()
    {
        using var chat = await App.PrivateChatAsync();
        var (otherWeb, other) = await App.SignedUpAsync("other");
        otherWeb.Dispose();
        var mine = await App.CreateGroupAsync(chat.Bob);
        var theirs = await App.CreateGroupAsync(other);

        var list = await chat.BobWeb.ChatListAsync();

        Assert.That(list.Select(e => e.RoomId), Is.EquivalentTo(new[]
        {
            await App.RoomIdAsync(ChatSteps.PublicRoom), await App.RoomIdAsync(chat.Room), await App.RoomIdAsync(mine),
        }), $"not {await App.RoomIdAsync(theirs)}");
    }

    [Test]
    public async Task A_private_chat_is_titled_by_the_other_persons_name()
    {
        using var chat = await App.PrivateChatAsync();
        var roomId = await App.RoomIdAsync(chat.Room);

        var forBob = (await chat.BobWeb.ChatListAsync()).Entry(roomId);
        var forAlice = (await chat.AliceWeb.ChatListAsync()).Entry(roomId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forBob.Title, Is.EqualTo(chat.Alice.Username));
            Assert.That(forAlice.Title, Is.EqualTo(chat.Bob.Username));
        }
    }

    [Test]
    public async Task Unread_counts_the_others_messages_not_the_readers_own()
    {
        using var chat = await App.PrivateChatAsync();
        var roomId = await App.RoomIdAsync(chat.Room);
        var fromAlice = await App.SeedMessagesAsync(chat.Alice, 3, chat.Room);
        await App.SeedMessagesAsync(chat.Bob, 1, chat.Room);

        var forBob = (await chat.BobWeb.ChatListAsync()).Entry(roomId);
        var forAlice = (await chat.AliceWeb.ChatListAsync()).Entry(roomId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forBob.Unread, Is.EqualTo(3));
            Assert.That(forAlice.Unread, Is.EqualTo(1));
            Assert.That(forBob.LastId, Is.GreaterThan(fromAlice[^1]), "the last id is the room's newest, Bob's");
        }
    }

    [Test]
    public async Task The_chat_with_the_newest_message_comes_first()
    {
        using var chat = await App.PrivateChatAsync();
        var group = await App.CreateGroupAsync(chat.Bob, chat.Alice);
        var (privateId, groupId) = (await App.RoomIdAsync(chat.Room), await App.RoomIdAsync(group));
        await App.SeedMessagesAsync(chat.Alice, 1, group);
        await App.SeedMessagesAsync(chat.Alice, 1, ChatSteps.PublicRoom);
        var before = await chat.BobWeb.ChatListAsync();

        await App.SeedMessagesAsync(chat.Alice, 1, chat.Room);
        var after = await chat.BobWeb.ChatListAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before.Select(e => e.RoomId).Take(2), Is.EqualTo(new[] { await App.RoomIdAsync(ChatSteps.PublicRoom), groupId }));
            Assert.That(after[0].RoomId, Is.EqualTo(privateId));
        }
    }
}
