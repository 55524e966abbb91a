using Bunit;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Tests.Components.Chat;

public sealed class OnlineCountTests : ComponentTest
{
    private AngleSharp.Dom.IElement Render(int count, bool? oob = null)
    {
        return Context.Render<OnlineCount>(p =>
        {
            p.Add(x => x.Count, count);
            if (oob is { } value) p.Add(x => x.Oob, value);
        }).Find("#online-count");
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(1234)]
    public void Shows_how_many_are_online_in_text_and_data(int count)
    {
        var element = Render(count);

        Assert.Multiple(() =>
        {
            Assert.That(element.TextContent.Trim(), Is.EqualTo($"{count} online"));
            Assert.That(element.GetAttribute("data-count"), Is.EqualTo(count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public void Out_of_band_only_when_asked()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Render(2, oob: true).GetAttribute("hx-swap-oob"), Is.EqualTo("true"));
            Assert.That(Render(2, oob: false).HasAttribute("hx-swap-oob"), Is.False);
            Assert.That(Render(2).HasAttribute("hx-swap-oob"), Is.False);
        });
    }
}
