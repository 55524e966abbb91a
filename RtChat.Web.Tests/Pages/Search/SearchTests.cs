using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Search;

/// <summary><c>/search</c>: words found in the rooms one may read, marked; prefixes and accents; signed in only.</summary>
public sealed class SearchTests : AppFixture
{
    /// <summary>A word no other test of the app's database holds.</summary>
    [Test]
    public async Task Words_are_found_with_the_words_marked()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var word = SearchSteps.UniqueWord("budget");
        var id = await App.StoreMessageAsync(alice, $"The quarterly {word} meeting moved to Friday");

        var answer = await web.SearchAsync($"{word} friday");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.Ids, Is.EqualTo(new[] { id }));
            Assert.That(answer.Results[0].Marked, Is.EquivalentTo(new[] { word, "Friday" }));
            Assert.That(answer.Results[0].Room, Is.EqualTo("Public chat"));
            Assert.That(answer.Results[0].Author, Is.EqualTo(alice.Username));
            Assert.That(answer.Results[0].Link, Is.EqualTo($"/?around={id}"));
        }
    }

    [Test]
    public async Task Every_word_must_be_in_the_message()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var word = SearchSteps.UniqueWord("apple");
        var both = await App.StoreMessageAsync(alice, $"{word} and pear");
        await App.StoreMessageAsync(alice, $"{word} alone");

        var answer = await web.SearchAsync($"{word} pear");

        Assert.That(answer.Ids, Is.EqualTo(new[] { both }));
    }

    [Test]
    public async Task A_word_finds_the_words_it_begins()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var word = SearchSteps.UniqueWord("plan");
        var id = await App.StoreMessageAsync(alice, $"We are {word}ning the trip");

        var answer = await web.SearchAsync(word);

        Assert.That(answer.Ids, Is.EqualTo(new[] { id }));
        Assert.That(answer.Results[0].Marked, Is.EqualTo(new[] { word + "ning" }));
    }

    [Test]
    public async Task Accents_are_ignored_both_ways()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var stem = SearchSteps.UniqueWord("x");
        var café = await App.StoreMessageAsync(alice, $"Meet at the café {stem}");
        var naive = await App.StoreMessageAsync(alice, $"A naive {stem} idea");

        var cafe = await web.SearchAsync($"cafe {stem}");
        var naïve = await web.SearchAsync($"naïve {stem}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cafe.Ids, Is.EqualTo(new[] { café }));
            Assert.That(cafe.Results[0].Marked, Does.Contain("café"));
            Assert.That(naïve.Ids, Is.EqualTo(new[] { naive }));
        }
    }

    [Test]
    public async Task The_newest_messages_come_first()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var word = SearchSteps.UniqueWord("order");
        var first = await App.StoreMessageAsync(alice, $"{word} one");
        var second = await App.StoreMessageAsync(alice, $"{word} two");
        var third = await App.StoreMessageAsync(alice, $"{word} three");

        var answer = await web.SearchAsync(word);

        Assert.That(answer.Ids, Is.EqualTo(new[] { third, second, first }));
    }

    [Test]
    public async Task Asking_nothing_shows_the_form_without_an_error()
    {
        var (web, _) = await App.SignedUpAsync("alice");
        using var __ = web;

        var page = await web.GetPageAsync(SearchSteps.SearchPath);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.TestId("search-form"), Is.Not.Null);
            Assert.That(page.TestId("search-error"), Is.Null);
        }
    }

    [Test]
    public async Task The_header_links_to_search()
    {
        var (web, _) = await App.SignedUpAsync("alice");
        using var __ = web;

        var page = await web.GetPageAsync("/");

        Assert.That(page.TestId("search-link")?.GetAttribute("href"), Is.EqualTo(SearchSteps.SearchPath));
    }

    [Test]
    public async Task Signed_out_visitors_are_sent_to_log_in()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync(SearchSteps.SearchUrl("anything"));

        AccountSteps.AssertRedirectsToLogin(response);
    }

    [Test]
    public async Task With_htmx_the_answer_is_the_results_alone()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var word = SearchSteps.UniqueWord("htmx");
        var id = await App.StoreMessageAsync(alice, $"{word} swap");

        using var response = await web.GetAsync(SearchSteps.SearchUrl(word), htmx: true);
        var html = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html.TrimStart(), Does.StartWith("<div id=\"search-results\""));
            Assert.That(html, Does.Contain($"data-message-id=\"{id}\""));
            Assert.That(html, Does.Not.Contain("<form"));
        }
    }
}
