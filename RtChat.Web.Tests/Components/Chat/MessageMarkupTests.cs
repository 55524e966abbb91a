using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RtChat.Web.Components.Chat;
using RtChat.Web.Realtime;

namespace RtChat.Web.Tests.Components.Chat;

/// <summary>Message markup is rendered once per view and reused; a changed view is a new entry.</summary>
public sealed class MessageMarkupTests
{
    private ServiceProvider _services = null!;
    private MessageMarkup _markup = null!;

    [SetUp]
    public void CreateMarkup()
    {
        _services = new ServiceCollection().BuildServiceProvider();
        _markup = new MessageMarkup(new FragmentRenderer(_services, NullLoggerFactory.Instance));
    }

    [TearDown]
    public async Task DisposeMarkupAsync()
    {
        _markup.Dispose();
        await _services.DisposeAsync();
    }

    private async Task<AngleSharp.Dom.IElement[]> ArticlesAsync(params MessageView[] messages)
    {
        var content = await _markup.ListAsync(messages);
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
    public async Task No_messages_render_nothing()
    {
        var content = await _markup.ListAsync([]);

        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        Assert.That(writer.ToString(), Is.Empty);
    }
}
