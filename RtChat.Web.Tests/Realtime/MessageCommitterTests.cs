using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Realtime;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Realtime;

/// <summary>Posts are committed and broadcast in batches: each once, in id order, and one bad message fails alone.</summary>
public sealed class MessageCommitterTests : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Chat:SendLimit"] = "1000",
    };

    [Test]
    public async Task Messages_posted_at_once_reach_a_socket_each_once_in_id_order()
    {
        var (web, user) = await App.SignedUpAsync("burst");
        using var _ = web;
        var room = await App.CreateGroupAsync(user);
        var composer = await web.OpenComposerAsync(room);
        await using var socket = await ChatSocket.ConnectAsync(App.BaseAddress, web, room, name: "the socket");
        await socket.WaitForAsync(frame => ChatSocket.OnlineCountIn(frame) is not null, "presence (the socket is in)");

        await Task.WhenAll(Enumerable.Range(1, 40).Select(i => composer.SendAsync($"burst {i}")));
        var lastId = await App.LastMessageIdAsync(room);
        await socket.WaitForMessageAsync(lastId);

        var received = socket.Received.SelectMany(ChatSocket.MessageIdsIn).ToList();
        Assert.That(received, Has.Count.EqualTo(40).And.Ordered, "every message once, in id order");
    }

    [Test]
    public async Task Messages_of_two_groups_committed_together_reach_each_groups_chat_lists_and_no_others()
    {
        var (aliceWeb, alice) = await App.SignedUpAsync("alice");
        var (bobWeb, bob) = await App.SignedUpAsync("bob");
        using var _ = aliceWeb;
        using var __ = bobWeb;
        var (ours, theirs) = (await App.CreateGroupAsync(alice), await App.CreateGroupAsync(bob));
        var (oursId, theirsId) = (await App.RoomIdAsync(ours), await App.RoomIdAsync(theirs));
        await using var aliceList = await ChatSocket.ConnectAsync(App.BaseAddress, aliceWeb, room: null, name: "alice's chat list");
        await using var bobList = await ChatSocket.ConnectAsync(App.BaseAddress, bobWeb, room: null, name: "bob's chat list");
        var (aliceComposer, bobComposer) = (await aliceWeb.OpenComposerAsync(ours), await bobWeb.OpenComposerAsync(theirs));

        await Task.WhenAll(Enumerable.Range(1, 20).SelectMany(i => new[] { aliceComposer.SendAsync($"ours {i}"), bobComposer.SendAsync($"theirs {i}") }));
        var (oursLast, theirsLast) = (await App.LastMessageIdAsync(ours), await App.LastMessageIdAsync(theirs));
        await aliceList.WaitForAsync(f => RoomSteps.IsActivity(f, oursId, oursLast), "the last of her group's activity");
        await bobList.WaitForAsync(f => RoomSteps.IsActivity(f, theirsId, theirsLast), "the last of his group's activity");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(aliceList.Received.Sum(f => Occurrences(f, $"data-room-id=\"{oursId}\"")), Is.EqualTo(20), "each message of hers once");
            Assert.That(bobList.Received.Sum(f => Occurrences(f, $"data-room-id=\"{theirsId}\"")), Is.EqualTo(20));
            Assert.That(aliceList.Received, Has.None.Contains($"data-room-id=\"{theirsId}\""), "nothing of a group she is not in");
            Assert.That(bobList.Received, Has.None.Contains($"data-room-id=\"{oursId}\""));
        }
    }

    [Test]
    public async Task A_message_that_cannot_be_stored_fails_alone_and_the_rest_of_its_batch_is_stored()
    {
        var (web, user) = await App.SignedUpAsync("batch");
        using var _ = web;
        var userId = await App.UserIdAsync(user);
        var room = await App.QueryAsync(db => db.FindForUserAsync(ChatSteps.PublicRoom, userId)) ?? throw new AssertionException("No public room.");
        var gone = new ChatRoom("deleted-" + Guid.NewGuid().ToString("N")[..8], RoomKind.Public, DateTimeOffset.UtcNow);
        var committer = App.Services.GetRequiredService<MessageCommitter>();
        var now = DateTimeOffset.UtcNow;

        // Handed over together, so they are likely to share a batch; either way each must end on its own terms.
        var before = committer.CommitAsync(room, room.Post(userId, "stored before", new MessageRules(), now)).WaitAsync(ChatSocket.Patience);
        var bad = committer.CommitAsync(gone, gone.Post(userId, "in a room that is gone", new MessageRules(), now)).WaitAsync(ChatSocket.Patience);
        var after = committer.CommitAsync(room, room.Post(userId, "stored after", new MessageRules(), now)).WaitAsync(ChatSocket.Patience);

        Assert.That(async () => await bad, Throws.Exception.Not.TypeOf<TimeoutException>(), "its room does not exist");
        var (first, second) = (await before, await after);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.Id, Is.GreaterThan(first.Id), "committed in the order handed over");
            Assert.That(await App.HasMessageAsync("stored before"), Is.True);
            Assert.That(await App.HasMessageAsync("stored after"), Is.True);
            Assert.That(await App.HasMessageAsync("in a room that is gone"), Is.False);
        }
    }

    [Test]
    public async Task A_post_whose_message_is_gone_before_it_is_read_back_answers_at_once_with_the_reason()
    {
        var (web, user) = await App.SignedUpAsync("vanish");
        using var _ = web;
        var room = await App.CreateGroupAsync(user);
        var composer = await web.OpenComposerAsync(room);
        // The database takes the message away as soon as it is stored, as a deletion of its author or room would.
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER vanish AFTER INSERT ON Messages WHEN NEW.Body = 'gone at once' BEGIN DELETE FROM Messages WHERE Id = NEW.Id; END"));

        using var answer = await composer.PostAsync("gone at once").WaitAsync(ChatSocket.Patience);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)answer.StatusCode, Is.EqualTo(422));
            Assert.That(await answer.Content.ReadAsStringAsync(), Does.Contain("removed before it could be sent"));
        }
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
