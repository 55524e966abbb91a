using System.Net;
using AngleSharp.Dom;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Tests.Support;

/// <summary>One result as the search page shows it.</summary>
public sealed record FoundMessage(long MessageId, string Room, string Author, string Link, IElement Snippet)
{
    public string SnippetText => Snippet.TextContent;

    /// <summary>The words the snippet marks, as shown.</summary>
    public IReadOnlyList<string> Marked => Snippet.QuerySelectorAll("mark").Select(m => m.TextContent).ToList();
}

/// <summary>What a search answered: its results, its error, the link to the next page.</summary>
/// <param name="Rooms">The room filter's choices, by title.</param>
public sealed record SearchAnswer(HttpStatusCode Status, IReadOnlyList<FoundMessage> Results, string? Error, string? OlderLink, string Html,
    IReadOnlyList<string> Rooms)
{
    public IReadOnlyList<long> Ids => Results.Select(r => r.MessageId).ToList();
}

public static class SearchSteps
{
    public const string SearchPath = "/search";

    /// <summary>A word no other test of the app's database holds.</summary>
    public static string UniqueWord(string stem) => stem + Guid.NewGuid().ToString("N")[..8];

    public static string SearchUrl(string? words, string? room = null, string? author = null, long? before = null)
    {
        var query = new List<string> { "q=" + Uri.EscapeDataString(words ?? "") };
        if (room is not null) query.Add("room=" + Uri.EscapeDataString(room));
        if (author is not null) query.Add("author=" + Uri.EscapeDataString(author));
        if (before is not null) query.Add("before=" + before);
        return SearchPath + "?" + string.Join("&", query);
    }

    /// <summary>GETs <paramref name="url"/> (the form's address), as a page or as htmx does, and reads what it shows.</summary>
    public static async Task<SearchAnswer> SearchAtAsync(this WebSession web, string url, bool htmx = false)
    {
        using var response = await web.GetAsync(url, htmx);
        var page = await HtmlPage.ParseAsync(response);
        var results = page.Document.QuerySelectorAll("li.search-result").Select(li => new FoundMessage(
            long.Parse(li.GetAttribute("data-message-id")!, System.Globalization.CultureInfo.InvariantCulture),
            li.QuerySelector(".search-result-room")!.TextContent,
            li.QuerySelector(".search-result-username")!.TextContent.TrimStart('@'),
            li.QuerySelector("a")!.GetAttribute("href")!,
            li.QuerySelector(".search-result-snippet")!)).ToList();
        return new SearchAnswer(page.Status, results, page.TestId("search-error")?.TextContent,
            page.TestId("older-results")?.GetAttribute("href"), page.Document.DocumentElement.OuterHtml,
            page.Document.QuerySelectorAll("#search-room option").Select(o => o.TextContent).ToList());
    }

    public static Task<SearchAnswer> SearchAsync(this WebSession web, string? words, string? room = null, string? author = null, bool htmx = false) =>
        web.SearchAtAsync(SearchUrl(words, room, author), htmx);

    /// <summary>Stores a message with this body straight in the database, as posting would; returns its id.</summary>
    public static async Task<long> StoreMessageAsync(this RtChatApp app, TestUser author, string body, string room = ChatSteps.PublicRoom)
    {
        var authorId = await app.UserIdAsync(author);
        return await app.QueryAsync(async db =>
        {
            var chat = await db.FindForUserAsync(room, authorId) ?? throw new AssertionException($"No room {room}.");
            var message = chat.Post(authorId, body, new MessageRules(), DateTimeOffset.UtcNow);
            db.Messages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
    }
}
