using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Search;

/// <summary>Search finds only what the searcher may read, and its room and author filters keep to theirs.</summary>
public sealed class SearchAccessTests : AppFixture
{
    [Test]
    public async Task Nothing_is_found_in_a_private_chat_of_two_others()
    {
        using var chat = await App.PrivateChatAsync();
        var (carolWeb, _) = await App.SignedUpAsync("carol");
        using var _ = carolWeb;
        var word = SearchSteps.UniqueWord("secret");
        var id = await App.StoreMessageAsync(chat.Alice, $"The {word} plan", chat.Room);

        var carol = await carolWeb.SearchAsync(word);
        var bob = await chat.BobWeb.SearchAsync(word);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(carol.Results, Is.Empty);
            Assert.That(carol.Html, Does.Not.Contain(chat.Room), "not even the room's name");
            Assert.That(bob.Ids, Is.EqualTo(new[] { id }), "the other person finds it");
            Assert.That(bob.Results[0].Room, Is.EqualTo(chat.Alice.Username), "a private chat is named after the other person");
        }
    }

    [Test]
    public async Task Nothing_is_found_in_a_group_one_has_left()
    {
        var (aliceWeb, alice) = await App.SignedUpConfirmedAsync("alice");
        var (bobWeb, bob) = await App.SignedUpConfirmedAsync("bob");
        using var _ = aliceWeb;
        using var __ = bobWeb;
        var group = await aliceWeb.CreateGroupAsync("Book club");
        await bobWeb.JoinGroupAsync(App, group);
        var word = SearchSteps.UniqueWord("chapter");
        var id = await App.StoreMessageAsync(alice, $"Read {word} nine", group);
        Assert.That((await bobWeb.SearchAsync(word)).Ids, Is.EqualTo(new[] { id }), "found while a member");

        var leave = await bobWeb.GetPageAsync(RoomSteps.LeavePath(group));
        using (await bobWeb.SubmitAsync(leave)) { }

        var answer = await bobWeb.SearchAsync(word);
        Assert.That(answer.Results, Is.Empty);
        Assert.That(answer.Rooms, Does.Not.Contain("Book club"));
    }

    [Test]
    public async Task A_removed_member_finds_nothing_of_the_group()
    {
        var (aliceWeb, alice) = await App.SignedUpAsync("alice");
        var (bobWeb, bob) = await App.SignedUpAsync("bob");
        using var _ = aliceWeb;
        using var __ = bobWeb;
        var group = await App.CreateGroupAsync(alice, bob);
        var word = SearchSteps.UniqueWord("agenda");
        await App.StoreMessageAsync(alice, $"The {word}", group);

        await App.RemoveFromGroupAsync(group, bob);

        Assert.That((await bobWeb.SearchAsync(word)).Results, Is.Empty);
    }

    [Test]
    public async Task The_room_filter_keeps_to_that_room()
    {
        var (aliceWeb, alice) = await App.SignedUpAsync("alice");
        var (bobWeb, bob) = await App.SignedUpAsync("bob");
        using var _ = aliceWeb;
        using var __ = bobWeb;
        var group = await App.CreateGroupAsync(alice, bob);
        var word = SearchSteps.UniqueWord("picnic");
        await App.StoreMessageAsync(alice, $"{word} in public");
        var inGroup = await App.StoreMessageAsync(alice, $"{word} in the group", group);

        var answer = await bobWeb.SearchAsync(word, room: group);
        var everywhere = await bobWeb.SearchAsync(word);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Ids, Is.EqualTo(new[] { inGroup }));
            Assert.That(everywhere.Results, Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task A_room_filter_naming_a_room_one_cannot_read_finds_what_an_unknown_room_finds()
    {
        using var chat = await App.PrivateChatAsync();
        var (carolWeb, _) = await App.SignedUpAsync("carol");
        using var _ = carolWeb;
        var word = SearchSteps.UniqueWord("hidden");
        await App.StoreMessageAsync(chat.Alice, $"{word} words", chat.Room);
        await App.StoreMessageAsync(chat.Alice, $"{word} in public");

        var theirs = await carolWeb.SearchAsync(word, room: chat.Room);
        var unknown = await carolWeb.SearchAsync(word, room: "no-such-room");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(theirs.Results, Is.Empty);
            Assert.That(Results(theirs.Html), Is.EqualTo(Results(unknown.Html)));
            Assert.That(theirs.Rooms, Is.EqualTo(unknown.Rooms));
        }
    }

    /// <summary>The results region of a page: what it tells about the search.</summary>
    private static string Results(string html)
    {
        var start = html.IndexOf("<div id=\"search-results\"", StringComparison.Ordinal);
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [Test]
    public async Task The_author_filter_keeps_to_that_author()
    {
        var (aliceWeb, alice) = await App.SignedUpAsync("alice");
        var (bobWeb, bob) = await App.SignedUpAsync("bob");
        using var _ = aliceWeb;
        using var __ = bobWeb;
        var word = SearchSteps.UniqueWord("concert");
        await App.StoreMessageAsync(alice, $"{word} tickets");
        var bobs = await App.StoreMessageAsync(bob, $"{word} is sold out");

        var byName = await aliceWeb.SearchAsync(word, author: bob.Username);
        var withAt = await aliceWeb.SearchAsync(word, author: "@" + bob.Username.ToUpperInvariant());
        var nobody = await aliceWeb.SearchAsync(word, author: "nobody-here");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(byName.Ids, Is.EqualTo(new[] { bobs }));
            Assert.That(withAt.Ids, Is.EqualTo(new[] { bobs }));
            Assert.That(nobody.Results, Is.Empty);
            Assert.That(nobody.Error, Is.Null);
        }
    }

    [Test]
    public async Task The_room_filter_lists_only_the_searchers_rooms()
    {
        using var chat = await App.PrivateChatAsync();
        var (carolWeb, _) = await App.SignedUpAsync("carol");
        using var _ = carolWeb;

        var carols = await carolWeb.GetPageAsync(SearchSteps.SearchPath);
        var alices = await chat.AliceWeb.GetPageAsync(SearchSteps.SearchPath);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(carols.Document.QuerySelectorAll("#search-room option").Select(o => o.GetAttribute("value")),
                Is.EqualTo(new[] { "", "public-chat" }));
            Assert.That(alices.Document.QuerySelectorAll("#search-room option").Select(o => o.GetAttribute("value")),
                Is.EqualTo(new[] { "", "public-chat", chat.Room }));
        }
    }
}
