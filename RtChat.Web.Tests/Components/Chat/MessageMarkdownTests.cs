using AngleSharp.Dom;
using Bunit;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Tests.Components.Chat;

/// <summary>The Markdown a message body may use, as <see cref="MessageItem"/> shows it.</summary>
public sealed class MessageMarkdownTests : ComponentTest
{
    private IElement Body(string body) =>
        Context.Render<MessageItem>(p => p.Add(x => x.Message, MessageItemTests.View(body))).Find(".message-body");

    private static string Shape(IElement body) =>
        string.Join(' ', body.QuerySelectorAll("*").Select(e => e.LocalName));

    [Test]
    public void Bold_italic_and_inline_code_are_formatted()
    {
        var body = Body("**bold** _italic_ *also* `a < b`");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Shape(body), Is.EqualTo("strong em em code"));
            Assert.That(body.QuerySelector("code")?.TextContent, Is.EqualTo("a < b"));
            Assert.That(body.ClassList, Does.Contain("markdown"));
        }
    }

    [Test]
    public void A_one_paragraph_message_has_no_paragraph_element_and_keeps_its_line_breaks()
    {
        var body = Body("**first** line\nsecond line");

        Assert.That(Shape(body), Is.EqualTo("strong br"));
    }

    [Test]
    public void A_fenced_code_block_keeps_its_text_and_drops_the_language()
    {
        var body = Body("look:\n```html\n<b>  kept as typed</b>\n```");

        var code = body.QuerySelector("pre > code");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code?.TextContent, Is.EqualTo("<b>  kept as typed</b>\n"));
            Assert.That(code?.Attributes, Is.Empty, "no class the author chose");
            Assert.That(body.QuerySelectorAll("b"), Is.Empty);
        }
    }

    [Test]
    public void Lists_and_quotes_are_formatted()
    {
        var body = Body("- one\n- two\n\n1. first\n2. second\n\n> quoted");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.QuerySelectorAll("ul > li").Select(li => li.TextContent), Is.EqualTo(new[] { "one", "two" }));
            Assert.That(body.QuerySelectorAll("ol > li").Select(li => li.TextContent), Is.EqualTo(new[] { "first", "second" }));
            Assert.That(body.QuerySelector("blockquote")?.TextContent.Trim(), Is.EqualTo("quoted"));
        }
    }

    [TestCase("# Not a heading")]
    [TestCase("Not a heading\n===")]
    [TestCase("---")]
    [TestCase("| a | b |\n|---|---|\n| 1 | 2 |")]
    [TestCase("    four spaces in")]
    public void Headings_rules_tables_and_indented_code_stay_text(string text)
    {
        var body = Body("*x* " + text);

        Assert.That(body.QuerySelectorAll("h1, h2, hr, table, pre"), Is.Empty);
    }

    [Test]
    public void A_markdown_link_opens_apart_and_passes_no_reputation()
    {
        var link = Body("read [the docs](https://example.com/docs)").QuerySelector("a");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(link?.TextContent, Is.EqualTo("the docs"));
            Assert.That(link?.GetAttribute("href"), Is.EqualTo("https://example.com/docs"));
            Assert.That(link?.GetAttribute("rel"), Is.EqualTo("noopener noreferrer nofollow"));
            Assert.That(link?.GetAttribute("target"), Is.EqualTo("_blank"));
        }
    }

    [TestCase("**see** https://example.com/x.", "https://example.com/x")]
    [TestCase("**see** www.example.com", "http://www.example.com/")]
    [TestCase("**mail** <someone@example.com>", "mailto:someone@example.com")]
    [TestCase("**mail** [me](mailto:someone@example.com)", "mailto:someone@example.com")]
    public void Bare_addresses_and_mail_links_in_formatted_text_become_links(string text, string href)
    {
        Assert.That(Body(text).QuerySelectorAll("a").Select(a => a.GetAttribute("href")), Is.EqualTo(new[] { href }));
    }

    [TestCase("just words, with: punctuation! and 3.5 numbers (ok?)")]
    [TestCase("two\nlines")]
    [TestCase("a link https://example.com/x and more")]
    [TestCase("well - maybe + more, 1.5 or 2) times")]
    public void Text_without_markdown_takes_the_plain_path(string text)
    {
        Assert.That(MessageMarkdown.IsPlain(text), Is.True);
    }

    [TestCase("- item")]
    [TestCase("ok\n12. item")]
    [TestCase("1) item")]
    [TestCase("  + item")]
    [TestCase("a *b*")]
    [TestCase("a \\* b")]
    [TestCase("&amp;")]
    [TestCase("> quote")]
    [TestCase("~~~\ncode\n~~~")]
    [TestCase("www.example.com")]
    public void Markdown_syntax_takes_the_formatted_path(string text)
    {
        Assert.That(MessageMarkdown.IsPlain(text), Is.False);
    }

    [Test]
    public void A_plain_message_is_shown_as_typed_with_its_spacing()
    {
        const string text = "first\n\n\n    indented";

        var body = Body(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.TextContent, Is.EqualTo(text));
            Assert.That(body.ClassList, Does.Not.Contain("markdown"), "shown with white-space: pre-wrap");
        }
    }
}
