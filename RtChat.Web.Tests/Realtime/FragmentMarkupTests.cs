using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RtChat.Web.Components.Chat;
using RtChat.Web.Realtime;
using RtChat.Web.Tests.Components.Chat;

namespace RtChat.Web.Tests.Realtime;

/// <summary>
/// A fragment's markup is kept by its parameters: the same parameters reuse it, others render anew; a message's by its
/// view, so a changed view is a new entry.
/// </summary>
public sealed class FragmentMarkupTests
{
    private ServiceProvider _services = null!;
    private FragmentMarkup _markup = null!;

    [SetUp]
    public void CreateMarkup()
    {
        _services = new ServiceCollection().BuildServiceProvider();
        _markup = new FragmentMarkup(new FragmentRenderer(_services, NullLoggerFactory.Instance));
    }

    [TearDown]
    public async Task DisposeMarkupAsync()
    {
        _markup.Dispose();
        await _services.DisposeAsync();
    }

    private async Task<string> RenderAsync(Type component, Dictionary<string, object?> parameters) =>
        (await _markup.RenderAsync(component, parameters)).ToString()!;

    [Test]
    public async Task The_same_parameters_give_the_same_markup_and_others_their_own()
    {
        var three = await RenderAsync(typeof(OnlineCount), new() { ["Count"] = 3 });
        var threeAgain = await RenderAsync(typeof(OnlineCount), new() { ["Count"] = 3 });
        var four = await RenderAsync(typeof(OnlineCount), new() { ["Count"] = 4 });
        var fourOob = await RenderAsync(typeof(OnlineCount), new() { ["Count"] = 4, ["Oob"] = true });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(three, Does.Contain("3 online"));
            Assert.That(threeAgain, Is.SameAs(three), "kept, not rendered again");
            Assert.That(four, Does.Contain("4 online").And.Not.Contain("hx-swap-oob"));
            Assert.That(fourOob, Does.Contain("4 online").And.Contain("hx-swap-oob=\"true\""));
        }
    }

    [Test]
    public async Task Lists_of_strings_are_told_apart_by_their_items()
    {
        var ann = await RenderAsync(typeof(PresenceStyle), new() { ["Online"] = new[] { "ann" } });
        var annAndBob = await RenderAsync(typeof(PresenceStyle), new() { ["Online"] = new[] { "ann", "bob" } });
        var joined = await RenderAsync(typeof(PresenceStyle), new() { ["Online"] = new[] { "annbob" } });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(annAndBob, Is.Not.EqualTo(ann));
            Assert.That(joined, Is.Not.EqualTo(annAndBob), "items are not run together");
        }
    }

    [Test]
    public void A_parameter_that_is_not_a_plain_value_is_refused()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() =>
            RenderAsync(typeof(MessageItem), new() { ["Message"] = MessageItemTests.View("hi", id: 1) }));

        Assert.That(error!.Message, Does.Contain("MessageItem.Message"));
    }

    private async Task<AngleSharp.Dom.IElement[]> ArticlesAsync(params MessageView[] messages)
    {
        var content = await _markup.MessagesAsync(messages);
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        var document = new HtmlParser().ParseDocument($"<body>{writer}</body>");
        return document.QuerySelectorAll("article").ToArray();
    }

    [Test]
    public async Task Renders_one_article_per_message_in_order_whether_rendered_before_or_not()
    {
        await ArticlesAsync(MessageItemTests.View("two", id: 8));

        var articles = await ArticlesAsync(MessageItemTests.View("one", id: 7), MessageItemTests.View("two", id: 8), MessageItemTests.View("three", id: 12));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(articles.Select(a => a.Id), Is.EqualTo(new[] { "message-7", "message-8", "message-12" }));
            Assert.That(articles.Select(a => a.QuerySelector(".message-body")!.TextContent), Is.EqualTo(new[] { "one", "two", "three" }));
        }
    }

    [Test]
    public async Task A_message_whose_author_was_renamed_shows_the_new_name()
    {
        var before = MessageItemTests.View("hello", id: 7);
        var renamed = before with { AuthorName = "Alice Renamed" };

        await ArticlesAsync(before);
        var articles = await ArticlesAsync(renamed);

        Assert.That(articles.Single().QuerySelector(".message-author")!.TextContent, Is.EqualTo("Alice Renamed"));
    }

    [Test]
    public async Task A_list_shown_again_is_not_joined_again_and_another_list_of_the_same_messages_is()
    {
        MessageView[] page = [MessageItemTests.View("one", id: 7), MessageItemTests.View("two", id: 8)];

        var first = await _markup.MessagesAsync(page);
        var again = await _markup.MessagesAsync(page);
        var copy = await _markup.MessagesAsync(page.ToList());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again, Is.SameAs(first), "the newest page, kept, is joined once");
            Assert.That(copy, Is.Not.SameAs(first));
            Assert.That(copy.ToString(), Is.EqualTo(first.ToString()));
        }
    }

    [Test]
    public async Task No_messages_render_nothing()
    {
        var content = await _markup.MessagesAsync([]);

        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        Assert.That(writer.ToString(), Is.Empty);
    }
}
