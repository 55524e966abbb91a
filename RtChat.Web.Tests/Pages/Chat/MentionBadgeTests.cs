using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary>The chat list's "@": the reader was mentioned in the room after their read mark.</summary>
public sealed class MentionBadgeTests : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Chat:SendLimit"] = "1000" };

    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(3);

    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}";

    /// <summary>Bob's room page says he has read up to <paramref name="messageId"/>; returns once his other pages are told.</summary>
    private async Task BobReadsUpToAsync(PrivateChat chat, int roomId, long messageId)
    {
        await using var bobPage = await ChatSocket.ConnectAsync(App.BaseAddress, chat.BobWeb, chat.Room, name: "bob's room socket");
        await using var bobSite = await ChatSocket.ConnectAsync(App.BaseAddress, chat.BobWeb, room: null, name: "bob's site socket");
        await bobPage.SendResumeAsync(messageId);
        await bobPage.SendTextAsync($$"""{"read":{{messageId}}}""");
        await bobSite.WaitForAsync(f => RoomSteps.IsRead(f, roomId), "the read notice", Soon);
    }

    [Test]
    public async Task The_mentioned_member_sees_the_badge_and_the_others_do_not()
    {
        using var people = await App.TwoPeopleAsync();
        var (carolWeb, carol) = await App.SignedUpAsync("carol");
        using var __ = carolWeb;
        var group = await App.CreateGroupAsync(people.Alice, people.Bob, carol);
        var roomId = await App.RoomIdAsync(group);

        await App.SendAsync(people.AliceWeb, group, Unique($"@{people.Bob.Username} look"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await people.BobWeb.MentionBadgeAsync(roomId), Is.True);
            Assert.That(await carolWeb.MentionBadgeAsync(roomId), Is.False, "carol was not mentioned");
            Assert.That(await people.AliceWeb.MentionBadgeAsync(roomId), Is.False, "the author");
        }
    }

    [Test]
    public async Task Reading_past_the_mention_clears_the_badge()
    {
        using var chat = await App.PrivateChatAsync();
        var roomId = await App.RoomIdAsync(chat.Room);
        var id = await App.SendAsync(chat.AliceWeb, chat.Room, Unique($"@{chat.Bob.Username} ping"));
        Assert.That(await chat.BobWeb.MentionBadgeAsync(roomId), Is.True, "before reading");

        await BobReadsUpToAsync(chat, roomId, id);

        Assert.That(await chat.BobWeb.MentionBadgeAsync(roomId), Is.False);
    }

    [Test]
    public async Task Reading_up_to_before_the_mention_keeps_the_badge()
    {
        using var chat = await App.PrivateChatAsync();
        var roomId = await App.RoomIdAsync(chat.Room);
        var before = await App.SendAsync(chat.AliceWeb, chat.Room, Unique("no mention"));
        await App.SendAsync(chat.AliceWeb, chat.Room, Unique($"@{chat.Bob.Username} ping"));

        await BobReadsUpToAsync(chat, roomId, before);

        Assert.That(await chat.BobWeb.MentionBadgeAsync(roomId), Is.True);
    }
}
