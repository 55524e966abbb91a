using Bunit;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Tests.Components.Chat;

public sealed class MessageListTests : ComponentTest
{
    [Test]
    public void Renders_one_article_per_message_in_order()
    {
        MessageView[] messages = [MessageItemTests.View("one", id: 7), MessageItemTests.View("two", id: 8), MessageItemTests.View("three", id: 12)];

        var cut = Context.Render<MessageList>(p => p.Add(x => x.Messages, messages));

        Assert.That(cut.FindAll("article").Select(a => a.Id), Is.EqualTo(new[] { "message-7", "message-8", "message-12" }));
    }

    [Test]
    public void No_messages_render_nothing()
    {

        var cut = Context.Render<MessageList>(p => p.Add(x => x.Messages, Array.Empty<MessageView>()));

        Assert.That(cut.Markup.Trim(), Is.Empty);
    }
}
