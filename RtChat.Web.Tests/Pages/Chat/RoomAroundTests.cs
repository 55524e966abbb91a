using System.Net;
using RtChat.Web.Data;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary><c>?around=</c>: a room opened at a message shows it with the messages around it; any other id opens the room as usual.</summary>
public sealed class RoomAroundTests : AppFixture
{
    private const int Side = ChatHistory.AroundEachSide;

    private static IReadOnlyList<long> Shown(HtmlPage page) =>
        page.Document.QuerySelectorAll("#messages [data-message-id]").Select(m => long.Parse(m.GetAttribute("data-message-id")!)).ToList();

    private async Task<(WebSession Web, TestUser User, string Group, IReadOnlyList<long> Ids)> GroupWithMessagesAsync(int count)
    {
        var (web, user) = await App.SignedUpAsync("alice");
        var group = await App.CreateGroupAsync(user);
        return (web, user, group, await App.SeedMessagesAsync(user, count, group));
    }

    [Test]
    public async Task Opening_at_a_message_shows_it_with_those_around_it_and_a_way_to_the_newest()
    {
        var (web, _, group, ids) = await GroupWithMessagesAsync(60);
        using var __ = web;

        var page = await web.GetPageAsync($"{ChatSteps.RoomPath(group)}?around={ids[29]}");

        var chat = page.Document.QuerySelector("[data-chat-room]")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Shown(page), Is.EqualTo(ids.Skip(29 - Side).Take(2 * Side + 1)));
            Assert.That(chat.GetAttribute("data-around"), Is.EqualTo(ids[29].ToString()));
            Assert.That(chat.GetAttribute("data-resume-after"), Is.EqualTo(ids[^1].ToString()), "the socket resumes from the room's newest");
            Assert.That(page.TestId("jump-to-newest")?.GetAttribute("href"), Is.EqualTo(ChatSteps.RoomPath(group)));
            Assert.That(page.Document.QuerySelector("#older-messages button"), Is.Not.Null, "older ones load above as usual");
        }
    }

    [Test]
    public async Task Opening_at_a_recent_message_reaches_the_newest_with_no_gap()
    {
        var (web, _, group, ids) = await GroupWithMessagesAsync(40);
        using var __ = web;

        var page = await web.GetPageAsync($"{ChatSteps.RoomPath(group)}?around={ids[^Side]}");

        var chat = page.Document.QuerySelector("[data-chat-room]")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Shown(page)[^1], Is.EqualTo(ids[^1]));
            Assert.That(Shown(page), Does.Contain(ids[^Side]));
            Assert.That(chat.GetAttribute("data-resume-after"), Is.Empty, "live messages follow on as usual");
            Assert.That(page.TestId("jump-to-newest"), Is.Null);
        }
    }

    [Test]
    public async Task Opening_at_the_first_message_has_nothing_older()
    {
        var (web, _, group, ids) = await GroupWithMessagesAsync(40);
        using var __ = web;

        var page = await web.GetPageAsync($"{ChatSteps.RoomPath(group)}?around={ids[0]}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Shown(page), Is.EqualTo(ids.Take(Side + 1)));
            Assert.That(page.Document.QuerySelector("#older-messages button"), Is.Null);
        }
    }

    [Test]
    public async Task A_message_of_another_room_opens_the_room_as_usual()
    {
        var (web, user, group, ids) = await GroupWithMessagesAsync(3);
        using var __ = web;
        await App.SeedMessagesAsync(user, 3);
        var usual = await web.GetPageAsync(ChatSteps.RoomPath(ChatSteps.PublicRoom));

        var page = await web.GetPageAsync($"{ChatSteps.RoomPath(ChatSteps.PublicRoom)}?around={ids[1]}");

        var chat = page.Document.QuerySelector("[data-chat-room]")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Shown(page), Is.EqualTo(Shown(usual)));
            Assert.That(Shown(page), Does.Not.Contain(ids[1]));
            Assert.That(chat.GetAttribute("data-around"), Is.Empty);
        }
    }

    [Test]
    public async Task A_message_of_a_private_chat_of_others_shows_nothing_of_it()
    {
        using var chat = await App.PrivateChatAsync();
        var (carolWeb, _) = await App.SignedUpAsync("carol");
        using var _ = carolWeb;
        var secret = await App.StoreMessageAsync(chat.Alice, "Our secret", chat.Room);

        var inTheirRoom = await carolWeb.GetAsync($"{ChatSteps.RoomPath(chat.Room)}?around={secret}");
        var inPublic = await carolWeb.GetPageAsync($"/?around={secret}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(inTheirRoom.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(inPublic.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(inPublic.Text, Does.Not.Contain("Our secret"));
        }
    }

    [TestCase("abc")]
    [TestCase("-1")]
    [TestCase("99999999999")]
    public async Task A_junk_or_unknown_id_opens_the_room_as_usual(string around)
    {
        var (web, _) = await App.SignedUpAsync("alice");
        using var __ = web;

        var page = await web.GetPageAsync($"/?around={Uri.EscapeDataString(around)}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Document.QuerySelector("[data-chat-room]")!.GetAttribute("data-around"), Is.Empty);
        }
    }

    [Test]
    public async Task The_usual_page_carries_nothing_of_it()
    {
        var (web, _) = await App.SignedUpAsync("alice");
        using var __ = web;

        var page = await web.GetPageAsync("/");

        var chat = page.Document.QuerySelector("[data-chat-room]")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chat.GetAttribute("data-around"), Is.Empty);
            Assert.That(chat.GetAttribute("data-resume-after"), Is.Empty);
            Assert.That(page.TestId("jump-to-newest"), Is.Null);
        }
    }
}
