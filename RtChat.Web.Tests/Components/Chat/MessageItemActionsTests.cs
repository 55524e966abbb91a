using Bunit;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Tests.Components.Chat;

/// <summary>
/// A message carries no actions of its own: the room page has one set, which its script moves into the message pointed
/// at (Pages/Chat/RoomActionsTests); a deleted message shows its tombstone.
/// </summary>
public sealed class MessageItemActionsTests : ComponentTest
{
    private AngleSharp.Dom.IElement Render(MessageView view) =>
        Context.Render<MessageItem>(p => p.Add(x => x.Message, view)).Find("article");

    [Test]
    public void A_message_carries_no_actions_of_its_own()
    {
        var article = Render(MessageItemTests.View(id: 7));

        Assert.That(article.QuerySelectorAll(".message-actions, [data-reply], [data-react], [data-edit], [data-delete]"), Is.Empty);
    }

    [Test]
    public void A_deleted_message_shows_its_tombstone()
    {
        var article = Render(MessageItemTests.View(body: "") with { Deleted = true, Version = 3 });

        Assert.That(article.QuerySelector(".message-tombstone")?.TextContent, Is.EqualTo("This message was deleted."));
    }
}
