using Bunit;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Tests.Components.Chat;

public sealed class MessageAppendTests : ComponentTest
{
    [Test]
    public void Wraps_one_message_in_an_out_of_band_append_to_the_message_list()
    {

        var cut = Context.Render<MessageAppend>(p => p.Add(x => x.Message, MessageItemTests.View(id: 99)));

        var wrapper = cut.Find("div#messages");
        Assert.Multiple(() =>
        {
            Assert.That(cut.Nodes.OfType<AngleSharp.Dom.IElement>().Select(e => e.Id), Is.EqualTo(new[] { "messages" }), "one top-level element");
            Assert.That(wrapper.GetAttribute("hx-swap-oob"), Is.EqualTo("beforeend"));
            Assert.That(wrapper.Children.Select(c => c.LocalName), Is.EqualTo(new[] { "article" }));
            Assert.That(wrapper.Children[0].Id, Is.EqualTo("message-99"));
        });
    }
}
