using AngleSharp.Dom;
using Bunit;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Tests.Components.Chat;

public sealed class MessageItemReactionsTests : ComponentTest
{
    private static readonly ValueList<ReactionView> ThumbsUpFromTwo = new([ReactionView.Of("👍", [("id-a", "alice"), ("id-b", "bob")])]);

    private IElement Render(MessageView view) => Context.Render<MessageItem>(p => p.Add(x => x.Message, view)).Find("article");

    [Test]
    public void Each_emoji_used_is_a_pill_with_its_count_who_reacted_and_their_ids()
    {
        var article = Render(MessageItemTests.View() with { Reactions = ThumbsUpFromTwo });

        var pill = article.QuerySelector(".reactions button.reaction")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pill.TextContent, Is.EqualTo("👍 2"));
            Assert.That(pill.GetAttribute("title"), Is.EqualTo("alice and bob reacted with 👍"));
            Assert.That(pill.GetAttribute("data-reaction"), Is.EqualTo("👍"));
            Assert.That(pill.GetAttribute("data-reactors"), Is.EqualTo("id-a id-b"));
            Assert.That(pill.GetAttribute("aria-pressed"), Is.Null, "the bytes are everyone's: the page's CSS marks the viewer's own");
        }
    }

    [Test]
    public void A_message_without_reactions_has_no_pills()
    {
        var article = Render(MessageItemTests.View());

        Assert.That(article.QuerySelector(".reactions"), Is.Null);
    }

    [Test]
    public void A_deleted_message_shows_no_reactions()
    {
        var article = Render(MessageItemTests.View() with { Deleted = true, Reactions = ThumbsUpFromTwo });

        Assert.That(article.QuerySelector(".reactions"), Is.Null);
    }

    [Test]
    public void Names_in_the_tooltip_are_encoded()
    {
        var view = MessageItemTests.View() with { Reactions = new([ReactionView.Of("👍", [("id-a", "\"><script>alert(1)</script>")])]) };

        var article = Render(view);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.QuerySelectorAll("script"), Is.Empty);
            Assert.That(article.QuerySelector(".reaction")!.GetAttribute("title"), Does.StartWith("\"><script>"));
        }
    }
}
