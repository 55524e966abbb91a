using System.Diagnostics;
using AngleSharp.Dom;
using Bunit;
using RtChat.Web.Components.Chat;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Tests.Components;
using RtChat.Web.Tests.Components.Chat;

namespace RtChat.Web.Tests.Security;

/// <summary>
/// Markdown written to run in other people's pages: links to scripts, markup in code and quotes, attributes smuggled in
/// titles, images fetched from elsewhere, and bodies built to exhaust the parser. The fragment is the same on the page
/// and on the socket (<see cref="MessageItemTests"/>), so the component is where each is tried;
/// <see cref="MarkdownMessageAttacksTests"/> sends some through HTTP.
/// </summary>
public sealed class MarkdownAttacksTests : ComponentTest
{
    public static readonly string[] Payloads =
    [
        "**hi** [click](javascript:alert(1))",
        "**hi** [click](JaVaScRiPt:alert(1))",
        "**hi** [click](java&#x09;script:alert(1))",
        "**hi** [click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "**hi** [click](vbscript:msgbox(1))",
        "**hi** [click](/Identity/Account/Manage/DeletePersonalData)",
        "**hi** <javascript:alert(1)>",
        "**hi** [click][evil]\n\n[evil]: javascript:alert(1)",
        "**hi** `<script>alert(1)</script>`",
        "```\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n```",
        "> <script>alert(1)</script>\n> <b hx-get=\"/x\" hx-trigger=\"load\">x</b>",
        "- <img src=x onerror=alert(1)>\n- <div _=\"on load call alert(1)\">x</div>",
        "**hi** [x](https://example.com \"a\\\" onmouseover=\\\"alert(1)\")",
        "**hi** [x](https://example.com 'a\" hx-get=\"/x\" hx-trigger=\"load')",
        "**hi** [x](<https://example.com/\" onmouseover=\"alert(1)>)",
        "**hi** <https://example.com/\"onmouseover=\"alert(1)>",
        "**hi** [x](https://example.com){hx-get=/x hx-trigger=load}",
        "**hi** ![x](http://tracker.example/pixel.png)",
        "**hi** ![](http://tracker.example/pixel.png)",
        "**hi** [![x](http://tracker.example/pixel.png)](https://example.com)",
        "**hi** ![x](javascript:alert(1))",
        "```js\" onmouseover=\"alert(1)\ncode\n```",
    ];

    private IElement Article(string body) =>
        Context.Render<MessageItem>(p => p.Add(x => x.Message, MessageItemTests.View(body))).Find("article");

    /// <summary>No script, no image but the avatar, nothing htmx, _hyperscript or an event acts on, and safe links only.</summary>
    public static void AssertInert(IElement article)
    {
        var body = article.QuerySelector(".message-body")!;
        var acting = article.QuerySelectorAll("*").Prepend(article)
            .SelectMany(e => e.Attributes.Select(a => a.Name))
            .Where(name => name.StartsWith("hx-", StringComparison.Ordinal) || name.StartsWith("on", StringComparison.Ordinal) || name == "_");
        var links = body.QuerySelectorAll("a");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.QuerySelectorAll("script, iframe, object, embed, form, svg"), Is.Empty);
            Assert.That(article.QuerySelectorAll("img").Select(i => i.ClassList.Contains("avatar")), Is.EqualTo(new[] { true }), "the only image is the avatar");
            Assert.That(acting, Is.Empty, "no htmx, _hyperscript or event attributes");
            Assert.That(links.SelectMany(a => a.Attributes.Select(x => x.Name)).Distinct(), Is.SubsetOf(new[] { "href", "rel", "target" }));
            Assert.That(links.Select(a => new Uri(a.GetAttribute("href")!).Scheme), Is.All.AnyOf("http", "https", "mailto"));
            Assert.That(links.Select(a => a.GetAttribute("rel")), Is.All.EqualTo(MessageMarkdown.LinkRel));
            Assert.That(body.QuerySelectorAll("a a"), Is.Empty, "no link inside a link");
            Assert.That(body.QuerySelectorAll("[class]"), Is.Empty, "no class name the author chose");
        }
    }

    [TestCaseSource(nameof(Payloads))]
    public void Hostile_markdown_renders_inert(string payload)
    {
        AssertInert(Article(payload));
    }

    [TestCase("[click](javascript:alert(1))")]
    [TestCase("[click](data:text/html,hi)")]
    [TestCase("<javascript:alert(1)>")]
    public void A_javascript_or_data_link_renders_as_text(string payload)
    {
        var body = Article("**hi** " + payload).QuerySelector(".message-body")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.QuerySelectorAll("a"), Is.Empty);
            Assert.That(body.TextContent, Does.StartWith("hi "));
        }
    }

    [Test]
    public void An_image_link_is_a_plain_link_and_loads_nothing()
    {
        var article = Article("**see** ![the chart](http://tracker.example/pixel.png)");

        var link = article.QuerySelector(".message-body a");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.QuerySelectorAll("img:not(.avatar), picture, source, video, audio"), Is.Empty);
            Assert.That(link?.GetAttribute("href"), Is.EqualTo("http://tracker.example/pixel.png"));
            Assert.That(link?.TextContent, Is.EqualTo("the chart"));
        }
    }

    [Test]
    public void A_link_title_adds_no_attribute()
    {
        var link = Article("[x](https://example.com \"a\\\" onmouseover=\\\"alert(1)\")").QuerySelector(".message-body a");

        Assert.That(link?.Attributes.Select(a => a.Name), Is.EquivalentTo(new[] { "href", "rel", "target" }));
    }

    [Test]
    public void Html_in_code_is_shown_as_code_text()
    {
        var body = Article("`<b hx-get=\"/x\">` and\n```\n<script>alert(1)</script>\n```").QuerySelector(".message-body")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.QuerySelector("code")?.TextContent, Is.EqualTo("<b hx-get=\"/x\">"));
            Assert.That(body.QuerySelector("pre > code")?.TextContent, Is.EqualTo("<script>alert(1)</script>\n"));
            Assert.That(body.QuerySelectorAll("b, script"), Is.Empty);
        }
    }

    // Each the longest a body may ever be: nesting past the parser's limit shows as plain text, quickly.
    [TestCase(">")]
    [TestCase("[")]
    [TestCase("*")]
    [TestCase("_a")]
    [TestCase("- ")]
    [TestCase("> - ")]
    [TestCase("[a](")]
    [TestCase("`a")]
    [TestCase("- > ")]
    [TestCase("![x](y)")]
    public void Very_long_or_deeply_nested_markdown_renders_quickly_and_inert(string unit)
    {
        var body = string.Concat(Enumerable.Repeat(unit, MessageRules.HardMaxLength / unit.Length)) + " end";
        var clock = Stopwatch.StartNew();

        var article = Article(body);

        using (Assert.EnterMultipleScope())
        {
            // A guard against a parse that runs away (minutes), not a speed target (those are the bench's): loose enough
            // for a machine under load.
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
            Assert.That(article.QuerySelector(".message-body")?.TextContent, Does.Contain("end"));
        }
        AssertInert(article);
    }
}
