using System.Globalization;
using System.Reflection;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Tests.Components.Chat;

public sealed class MessageItemTests : ComponentTest
{
    private const string AuthorId = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";
    private static readonly DateTimeOffset SentAt = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    internal static MessageView View(string body = "Hello there", long id = 42, DateTimeOffset? createdAt = null) =>
        new(id, AuthorId, "alice", "Alice Liddell", "/files/avatars/alice.webp", body, createdAt ?? SentAt);

    private IElement Render(MessageView view, out IRenderedComponent<MessageItem> cut)
    {
        cut = Context.Render<MessageItem>(p => p.Add(x => x.Message, view));
        return cut.Find("article");
    }

    private IElement Render(MessageView view) => Render(view, out _);

    private IElement Body(string body) => Render(View(body)).QuerySelector(".message-body")!;

    [Test]
    public void The_article_is_identified_by_the_message_id_and_carries_the_author_id()
    {
        var article = Render(View(id: 42));

        Assert.Multiple(() =>
        {
            Assert.That(article.Id, Is.EqualTo("message-42"));
            Assert.That(article.ClassList, Does.Contain("message"));
            Assert.That(article.GetAttribute("data-message-id"), Is.EqualTo("42"));
            Assert.That(article.GetAttribute("data-author-id"), Is.EqualTo(AuthorId));
        });
    }

    [Test]
    public void The_fragment_is_the_same_for_every_viewer()
    {
        using var another = ComponentContext.Create();
        var view = View("same bytes for everyone https://example.com");

        var once = Context.Render<MessageItem>(p => p.Add(x => x.Message, view)).Markup;
        var again = another.Render<MessageItem>(p => p.Add(x => x.Message, view)).Markup;

        Assert.That(again, Is.EqualTo(once));
        var parameters = typeof(MessageItem).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<ParameterAttribute>() is not null || p.GetCustomAttribute<CascadingParameterAttribute>() is not null)
            .Select(p => p.Name);
        Assert.That(parameters, Is.EqualTo(new[] { nameof(MessageItem.Message) }), "the message is all it renders from: nothing about who reads it");
    }

    [Test]
    public void Shows_the_avatar_the_display_name_and_a_username_link_to_the_profile()
    {
        var article = Render(View());

        Assert.Multiple(() =>
        {
            Assert.That(article.QuerySelector("img.avatar")?.GetAttribute("src"), Is.EqualTo("/files/avatars/alice.webp"));
            Assert.That(article.QuerySelector(".message-avatar")?.GetAttribute("href"), Is.EqualTo("/u/alice"));
            Assert.That(article.QuerySelector(".message-author")?.TextContent, Is.EqualTo("Alice Liddell"));
            var username = article.QuerySelector("a.message-username");
            Assert.That(username?.TextContent, Is.EqualTo("@alice"));
            Assert.That(username?.GetAttribute("href"), Is.EqualTo("/u/alice"));
            Assert.That(article.QuerySelector(".presence-dot")?.ClassList, Does.Contain($"presence-u-{AuthorId}"));
        });
    }

    [Test]
    public void The_time_carries_the_exact_utc_instant_in_iso_format()
    {
        var inParis = new DateTimeOffset(2025, 3, 4, 6, 6, 7, TimeSpan.FromHours(1));

        var time = Render(View(createdAt: inParis)).QuerySelector("time")!;

        var datetime = time.GetAttribute("datetime")!;
        Assert.Multiple(() =>
        {
            Assert.That(datetime, Is.EqualTo("2025-03-04T05:06:07.0000000Z"));
            Assert.That(DateTimeOffset.Parse(datetime, CultureInfo.InvariantCulture), Is.EqualTo(inParis));
            Assert.That(time.HasAttribute("data-relative"), Is.True, "chat.js rewrites it as \"5 minutes ago\"");
            Assert.That(time.TextContent, Is.EqualTo("4 Mar 2025, 05:06 UTC"), "without JavaScript: the exact time, the same for everyone");
        });
    }

    [Test]
    public void The_body_keeps_its_line_breaks_as_text()
    {
        const string text = "first line\nsecond line\n\n  indented third";

        var body = Body(text);

        Assert.Multiple(() =>
        {
            Assert.That(body.TextContent, Is.EqualTo(text), "exactly the text, shown with white-space: pre-wrap");
            Assert.That(body.Children, Is.Empty, "no <br> or other elements");
        });
    }

    [TestCase("<script>alert(1)</script>")]
    [TestCase("<img src=x onerror=alert(1)>")]
    [TestCase("<div hx-get=\"/Identity/Account/Manage/DeletePersonalData\" hx-trigger=\"load\">x</div>")]
    [TestCase("<div id=\"messages\" hx-swap-oob=\"innerHTML\">gone</div>")]
    [TestCase("<a href=\"javascript:alert(1)\" hx-post=\"/\">click</a>")]
    [TestCase("</p></article><script>alert(1)</script>")]
    public void Hostile_markup_in_the_body_is_shown_as_text(string hostile)
    {
        var text = $"look: {hostile} :)";

        var article = Render(View(text), out var cut);

        var body = article.QuerySelector(".message-body")!;
        Assert.Multiple(() =>
        {
            Assert.That(body.TextContent, Is.EqualTo(text), "the author's text, verbatim");
            Assert.That(body.Children, Is.Empty, "no element came from the body");
            Assert.That(cut.FindAll("script"), Is.Empty);
            Assert.That(cut.FindAll("img"), Has.Count.EqualTo(1), "only the avatar");
            Assert.That(cut.FindAll("*").Where(e => e.Attributes.Any(a => a.Name.StartsWith("hx-", StringComparison.Ordinal) || a.Name.StartsWith("on", StringComparison.Ordinal))),
                Is.Empty, "no htmx or event-handler attribute anywhere");
            Assert.That(cut.FindAll("[id='messages']"), Is.Empty);
            Assert.That(cut.Markup, Does.Not.Contain(hostile).And.Contain("&lt;"), "escaped in the markup itself");
        });
    }

    [Test]
    public void A_web_address_becomes_a_link_that_opens_apart_and_passes_no_reputation()
    {
        var body = Body("docs at https://example.com/a?b=1&c=2. thanks");

        var link = body.QuerySelector("a")!;
        Assert.Multiple(() =>
        {
            Assert.That(body.QuerySelectorAll("a"), Has.Length.EqualTo(1));
            Assert.That(link.GetAttribute("href"), Is.EqualTo("https://example.com/a?b=1&c=2"));
            Assert.That(link.TextContent, Is.EqualTo("https://example.com/a?b=1&c=2"), "the full stop after it is not part of it");
            Assert.That(link.GetAttribute("rel"), Is.EqualTo("noopener noreferrer nofollow"));
            Assert.That(link.GetAttribute("target"), Is.EqualTo("_blank"));
            Assert.That(body.TextContent, Is.EqualTo("docs at https://example.com/a?b=1&c=2. thanks"));
        });
    }

    [Test]
    public void Several_addresses_each_become_a_link_and_the_text_around_them_stays()
    {
        var body = Body("http://one.example and (https://two.example/x)");

        Assert.Multiple(() =>
        {
            Assert.That(body.QuerySelectorAll("a").Select(a => a.GetAttribute("href")),
                Is.EqualTo(new[] { "http://one.example/", "https://two.example/x" }));
            Assert.That(body.TextContent, Is.EqualTo("http://one.example and (https://two.example/x)"));
        });
    }

    [TestCase("javascript:alert(document.cookie)")]
    [TestCase("JaVaScRiPt:alert(1)")]
    [TestCase("data:text/html,<script>alert(1)</script>")]
    [TestCase("vbscript:msgbox(1)")]
    [TestCase("ftp://example.com/file")]
    public void Other_schemes_are_not_links(string address)
    {
        var body = Body($"try {address}");

        Assert.Multiple(() =>
        {
            Assert.That(body.QuerySelectorAll("a"), Is.Empty);
            Assert.That(body.TextContent, Is.EqualTo($"try {address}"));
        });
    }

    [Test]
    public void A_quote_in_an_address_cannot_break_out_of_the_link()
    {
        const string text = "https://example.com/\"onmouseover=\"alert(1) and https://example.com/'x'<b>bold</b>";

        var body = Body(text);

        Assert.Multiple(() =>
        {
            Assert.That(body.TextContent, Is.EqualTo(text));
            Assert.That(body.QuerySelectorAll("a").SelectMany(a => a.Attributes).Select(a => a.Name).Distinct(),
                Is.EquivalentTo(new[] { "href", "rel", "target" }));
            Assert.That(body.QuerySelectorAll("b"), Is.Empty);
            Assert.That(body.QuerySelectorAll("a").Select(a => a.GetAttribute("href")),
                Has.All.StartsWith("https://example.com/"));
        });
    }
}
