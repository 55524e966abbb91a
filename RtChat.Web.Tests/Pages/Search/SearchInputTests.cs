using System.Net;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data.Search;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Search;

/// <summary>What the search box takes: anything typed gives results or a clear message, never an error page; markup stays text.</summary>
public sealed class SearchInputTests : AppFixture
{
    public static readonly string[] HostileQueries =
    [
        "\"", "\"\"budget\"\"", "budget\"", "NEAR(budget friday)", "NEAR(budget", "*", "budget*", "-budget", "budget -friday",
        "Body:budget", ":", "budget OR friday", "budget AND NOT friday", "^budget", "(budget", "{budget}", "'; DROP TABLE Messages; --",
        "budget\u0002", "%", "_", "[budget]", "\\", "\u0000budget",
    ];

    private WebSession? _searcher;

    [OneTimeTearDown]
    public void CloseSearcher() => _searcher?.Dispose();

    /// <summary>One person for all the hostile queries, with a message they could find.</summary>
    private async Task<WebSession> SearcherAsync()
    {
        if (_searcher is not null) return _searcher;
        var (web, alice) = await App.SignedUpAsync("alice");
        await App.StoreMessageAsync(alice, "The budget meeting moved to Friday");
        return _searcher = web;
    }

    [TestCaseSource(nameof(HostileQueries))]
    public async Task Hostile_query_answers_with_results_or_a_clear_message(string query)
    {
        var web = await SearcherAsync();

        var page = await web.SearchAsync(query);
        var htmx = await web.SearchAsync(query, htmx: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(htmx.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Results.Count > 0 || page.Error is not null || page.Html.Contains("No messages found.", StringComparison.Ordinal), page.Html);
            Assert.That(await App.QueryAsync(db => db.Messages.AnyAsync()), "the messages are still there");
        }
    }

    [TestCase("", "Type a word to search for.")]
    [TestCase("   ", "Type a word to search for.")]
    [TestCase("!!! ??? ***", "Search for words: letters or digits, not only symbols.")]
    [TestCase("one two three four five six seven eight nine ten eleven", "Search for at most 10 words; this search has 11.")]
    public async Task Nothing_to_search_for_is_said_plainly(string query, string message)
    {
        var (web, _) = await App.SignedUpAsync("alice");
        using var __ = web;

        var answer = await web.SearchAsync(query);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.Error, Is.EqualTo(message));
        }
    }

    [Test]
    public async Task A_search_longer_than_the_limit_is_refused_with_its_length_and_kept_in_the_box()
    {
        var (web, _) = await App.SignedUpAsync("alice");
        using var __ = web;
        var query = new string('a', SearchTerms.MaxLength + 1);

        var answer = await web.SearchAsync(query);
        var page = await web.GetPageAsync(SearchSteps.SearchUrl(query));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Error, Is.EqualTo("Searches are at most 200 characters; this one has 201."));
            Assert.That(page.Document.QuerySelector("#search-q")?.GetAttribute("value"), Is.EqualTo(query));
        }
    }

    [Test]
    public async Task Markup_in_a_message_shows_as_text_in_the_snippet()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var word = SearchSteps.UniqueWord("markup");
        var body = $"<script>alert(1)</script> {word} <img src=x onerror=alert(1)> <b hx-get=\"/x\">bold</b> **stars**";
        await App.StoreMessageAsync(alice, body);

        var answer = await web.SearchAsync(word);

        var snippet = answer.Results.Single().Snippet;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(snippet.Children.Select(c => c.LocalName), Is.EqualTo(new[] { "mark" }), "no element but the mark");
            Assert.That(snippet.TextContent, Is.EqualTo(body), "the body as typed, Markdown source included");
            Assert.That(answer.Html, Does.Not.Contain("<script>alert"));
        }
    }

    [Test]
    public async Task Marker_characters_in_a_message_open_no_element()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var word = SearchSteps.UniqueWord("marker");
        await App.StoreMessageAsync(alice, $"\u0003 closes, {word} \u0002 opens and never closes");

        var answer = await web.SearchAsync(word);

        var snippet = answer.Results.Single().Snippet;
        Assert.That(snippet.QuerySelectorAll("*").Select(e => e.LocalName), Is.All.EqualTo("mark"));
        Assert.That(snippet.TextContent, Does.Contain(word).And.Contain("opens and never closes"));
    }

    [Test]
    public async Task Results_come_a_page_at_a_time_newest_first()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var word = SearchSteps.UniqueWord("paging");
        var ids = new List<long>();
        for (var i = 1; i <= MessageFinder.PageSize + 5; i++)
            ids.Add(await App.StoreMessageAsync(alice, $"{word} number {i}"));
        var newestFirst = Enumerable.Reverse(ids).ToList();

        var first = await web.SearchAsync(word);
        var second = await web.SearchAtAsync(first.OlderLink!);
        var secondByHtmx = await web.SearchAtAsync(first.OlderLink!, htmx: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Ids, Is.EqualTo(newestFirst.Take(MessageFinder.PageSize)));
            Assert.That(first.OlderLink, Is.Not.Null);
            Assert.That(second.Ids, Is.EqualTo(newestFirst.Skip(MessageFinder.PageSize)));
            Assert.That(second.OlderLink, Is.Null, "the last page");
            Assert.That(secondByHtmx.Ids, Is.EqualTo(newestFirst.Skip(MessageFinder.PageSize)));
            Assert.That(secondByHtmx.Html, Does.Contain("hx-swap-oob=\"beforeend\""), "htmx appends them below the list");
        }
    }

    [Test]
    public async Task A_junk_page_mark_is_the_first_page()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var word = SearchSteps.UniqueWord("junk");
        var id = await App.StoreMessageAsync(alice, $"{word} here");

        var answer = await web.SearchAtAsync(SearchSteps.SearchUrl(word) + "&before=abc");

        Assert.That(answer.Ids, Is.EqualTo(new[] { id }));
    }
}
