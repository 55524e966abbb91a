using AngleSharp.Dom;
using Bunit;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Tests.Components.Chat;

/// <summary>How a message shows the users it mentions and the message it answers: the same markup for every viewer.</summary>
public sealed class MessageMentionsTests : ComponentTest
{
    private const string BobId = "b0b00000-0000-4000-8000-000000000001";
    private const string CarolId = "ca201000-0000-4000-8000-000000000002";

    private static MessageView Mentioning(string body) =>
        MessageItemTests.View(body) with { Mentions = $"{BobId} {CarolId}", MentionNames = "bob_b carol" };

    private IElement Render(MessageView view) => Context.Render<MessageItem>(p => p.Add(x => x.Message, view)).Find("article");

    private static IReadOnlyList<(string? Id, string? Href, string Text)> MentionLinks(IElement article) =>
        article.QuerySelectorAll("a.mention").Select(a => (a.GetAttribute("data-user-id"), a.GetAttribute("href"), a.TextContent)).ToList();

    [Test]
    public void The_article_names_the_mentioned_users_ids_for_the_pages_styles()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Render(Mentioning("hi @bob_b")).GetAttribute("data-mentions"), Is.EqualTo($"{BobId} {CarolId}"));
            Assert.That(Render(MessageItemTests.View("hi @bob_b")).HasAttribute("data-mentions"), Is.False, "nobody mentioned");
        }
    }

    [Test]
    public void Each_mention_in_plain_text_links_to_the_profile_and_carries_the_user_id()
    {
        var article = Render(Mentioning("hi @Bob_B and @carol, not @dave"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(MentionLinks(article), Is.EqualTo(new[] { (BobId, "/u/bob_b", "@Bob_B"), (CarolId, "/u/carol", "@carol") }));
            Assert.That(article.QuerySelector(".message-body")?.TextContent, Is.EqualTo("hi @Bob_B and @carol, not @dave"));
        }
    }

    [Test]
    public void Each_mention_in_markdown_links_too_but_not_inside_code_or_a_link()
    {
        var article = Render(Mentioning("**@bob_b** look: `@carol` [@carol](https://example.com) @carol_"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.QuerySelector(".message-body.markdown"), Is.Not.Null);
            Assert.That(MentionLinks(article), Is.EqualTo(new[] { (BobId, "/u/bob_b", "@bob_b") }), "@carol_ is another name");
            Assert.That(article.QuerySelector("strong a.mention"), Is.Not.Null);
            Assert.That(article.QuerySelector("code")?.TextContent, Is.EqualTo("@carol"));
        }
    }

    [Test]
    public void A_username_with_underscores_is_one_mention_in_markdown()
    {
        var article = Render(MessageItemTests.View("_hey_ @bob_b_x and @a_b_c") with { Mentions = $"{BobId} {CarolId}", MentionNames = "bob_b_x a_b_c" });

        Assert.That(MentionLinks(article).Select(m => m.Text), Is.EqualTo(new[] { "@bob_b_x", "@a_b_c" }));
    }

    [Test]
    public void A_mention_of_someone_not_mentioned_stays_text()
    {
        Assert.That(Render(MessageItemTests.View("hi @bob_b")).QuerySelectorAll("a.mention"), Is.Empty);
    }

    [Test]
    public void A_reply_quotes_its_original_and_links_to_it()
    {
        var article = Render(MessageItemTests.View("Agreed") with { ReplyTo = new ReplyView(7, "Bob <b>", "Shall we <meet>?") });

        var quote = article.QuerySelector("a.message-reply");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(quote?.GetAttribute("href"), Is.EqualTo("?around=7"));
            Assert.That(quote?.GetAttribute("data-reply-to"), Is.EqualTo("7"));
            Assert.That(quote?.QuerySelector(".message-reply-author")?.TextContent, Is.EqualTo("Bob <b>"));
            Assert.That(quote?.QuerySelector(".message-reply-snippet")?.TextContent, Is.EqualTo("Shall we <meet>?"));
            Assert.That(quote?.QuerySelectorAll("b, meet"), Is.Empty, "names and snippets are text");
        }
    }

    [Test]
    public void A_reply_whose_original_is_deleted_says_so_without_a_link()
    {
        var article = Render(MessageItemTests.View("Agreed") with { ReplyTo = new ReplyView(7, "", "", Deleted: true) });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.QuerySelector(".message-reply-deleted")?.TextContent, Is.EqualTo(ReplyView.DeletedText));
            Assert.That(article.QuerySelector("a.message-reply"), Is.Null);
        }
    }

    public static IEnumerable<string> HostileBodies =>
        RtChat.Web.Tests.Security.MarkdownAttacksTests.Payloads.Concat(Support.ChatSteps.XssPayloads).Select(p => $"{p}\n\n@bob_b");

    [TestCaseSource(nameof(HostileBodies))]
    public void A_mention_beside_hostile_text_is_the_only_thing_made_of_it(string body)
    {
        var article = Render(Mentioning(body));

        var acting = article.QuerySelectorAll("*").Prepend(article).SelectMany(e => e.Attributes.Select(a => a.Name))
            .Where(name => name.StartsWith("hx-", StringComparison.Ordinal) || name.StartsWith("on", StringComparison.Ordinal) || name == "_");
        var mentions = article.QuerySelectorAll(".message-body a.mention");
        var otherLinks = article.QuerySelectorAll(".message-body a:not(.mention)");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.QuerySelectorAll("script, iframe, object, embed, form, svg, style"), Is.Empty);
            Assert.That(article.QuerySelectorAll("img").Select(i => i.ClassList.Contains("avatar")), Is.EqualTo(new[] { true }));
            Assert.That(acting, Is.Empty);
            Assert.That(mentions.Select(a => string.Join(' ', a.Attributes.Select(x => $"{x.Name}={x.Value}"))),
                Is.EqualTo(new[] { $"class=mention data-user-id={BobId} href=/u/bob_b" }));
            Assert.That(otherLinks.SelectMany(a => a.Attributes.Select(x => x.Name)).Distinct(), Is.SubsetOf(new[] { "href", "rel", "target" }));
        }
    }

    [TestCase("**Shall** we\n\nmeet _at_ `noon`?", "Shall we meet at noon?")]
    [TestCase("   ", "")]
    public void A_snippet_is_plain_text_on_one_line(string body, string snippet)
    {
        Assert.That(ReplyView.Snip(body), Is.EqualTo(snippet));
    }

    [Test]
    public void A_long_snippet_is_cut_with_an_ellipsis()
    {
        var snippet = ReplyView.Snip(new string('a', 150));

        Assert.That(snippet, Is.EqualTo(new string('a', ReplyView.SnippetLength) + "…"));
    }
}
