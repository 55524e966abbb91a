using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Realtime;

/// <summary>Mentions and replies live: the room's pages get the marked message, the chat lists hear whom it mentions.</summary>
public sealed class MentionActivityTests : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Chat:SendLimit"] = "1000" };

    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}";

    [Test]
    public async Task The_activity_of_a_message_names_the_mentioned_users_for_every_list_alike()
    {
        using var people = await App.TwoPeopleAsync();
        var aliceId = await App.UserIdAsync(people.Alice);
        await using var aliceSite = await ChatSocket.ConnectAsync(App.BaseAddress, people.AliceWeb, room: null, name: "alice's site socket");
        await using var bobSite = await ChatSocket.ConnectAsync(App.BaseAddress, people.BobWeb, room: null, name: "bob's site socket");

        var id = await App.SendAsync(people.BobWeb, ChatSteps.PublicRoom, Unique($"@{people.Alice.Username} over here"));

        var forAlice = await aliceSite.WaitForAsync(f => ReplySteps.IsActivityMentioning(f, id, aliceId), $"activity of {id} mentioning alice");
        var forBob = await bobSite.WaitForAsync(f => RoomSteps.IsActivity(f, roomId: 1, id), $"activity of {id}");
        Assert.That(forBob, Is.EqualTo(forAlice), "the same bytes for every list: each page checks its own reader");
    }

    [Test]
    public async Task The_activity_of_a_message_mentioning_nobody_carries_no_mentions()
    {
        var (web, _) = await App.SignedUpAsync("quiet");
        using var __ = web;
        await using var site = await ChatSocket.ConnectAsync(App.BaseAddress, web, room: null, name: "the site socket");

        var id = await App.SendAsync(web, ChatSteps.PublicRoom, Unique("nobody here"));

        var frame = await site.WaitForAsync(f => RoomSteps.IsActivity(f, roomId: 1, id), $"activity of {id}");
        Assert.That(frame, Does.Not.Contain("data-mentions"));
    }

    [Test]
    public async Task The_room_page_gets_a_reply_with_its_quote_and_its_mentions_live()
    {
        using var people = await App.TwoPeopleAsync();
        var aliceId = await App.UserIdAsync(people.Alice);
        var original = await App.SendAsync(people.AliceWeb, ChatSteps.PublicRoom, Unique("Question?"));
        await using var alicePage = await ChatSocket.ConnectAsync(App.BaseAddress, people.AliceWeb, name: "alice's room socket");
        await alicePage.SendResumeAsync(original);

        var reply = await App.SendAsync(people.BobWeb, ChatSteps.PublicRoom, Unique($"@{people.Alice.Username} answer"), replyTo: original);

        var frame = await alicePage.WaitForMessageAsync(reply);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(frame, Does.Contain($"data-mentions=\"{aliceId}\""));
            Assert.That(frame, Does.Contain($"<a class=\"mention\" data-user-id=\"{aliceId}\" href=\"/u/{people.Alice.Username}\">@{people.Alice.Username}</a>"));
            Assert.That(frame, Does.Contain($"data-reply-to=\"{original}\""));
            Assert.That(frame, Does.Contain("Question?"));
        }
    }
}
