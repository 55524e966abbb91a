using Bunit;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Tests.Components.Chat;

/// <summary>
/// Every copy of a message carries its author's Edit and Delete, the same for every reader (the room page's own style
/// shows them to the author only); a deleted message has none.
/// </summary>
public sealed class MessageItemActionsTests : ComponentTest
{
    private AngleSharp.Dom.IElement Render(MessageView view) =>
        Context.Render<MessageItem>(p => p.Add(x => x.Message, view)).Find("article");

    [Test]
    public void A_message_carries_links_to_edit_and_delete_it()
    {
        var actions = Render(MessageItemTests.View(id: 7)).QuerySelector(".message-actions");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(actions?.GetAttribute("aria-label"), Is.EqualTo("Message actions"));
            Assert.That(actions?.QuerySelectorAll("a[data-edit], a[data-delete]").Select(a => (a.TextContent, a.GetAttribute("href"))),
                Is.EqualTo(new[]
                {
                    ("Edit", "/messages/7?handler=Edit"),
                    ("Delete", "/messages/7?handler=Delete"),
                }));
        }
    }

    [Test]
    public void A_deleted_message_has_nothing_to_edit_or_delete()
    {
        var article = Render(MessageItemTests.View(body: "") with { Deleted = true, Version = 3 });

        Assert.That(article.QuerySelector(".message-actions"), Is.Null);
        Assert.That(article.QuerySelector(".message-tombstone")?.TextContent, Is.EqualTo("This message was deleted."));
    }

    [Test]
    public void The_actions_run_no_script_of_their_own()
    {
        var attributes = Render(MessageItemTests.View()).QuerySelectorAll(".message-actions, .message-actions *")
            .SelectMany(e => e.Attributes.Select(a => a.Name)).ToList();

        Assert.That(attributes, Has.None.StartsWith("hx-").And.None.StartsWith("on").And.None.EqualTo("_"));
    }
}
