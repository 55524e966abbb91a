using Bunit;
using RtChat.Web.Components;

namespace RtChat.Web.Tests.Components;

public sealed class OnlineTotalTests : ComponentTest
{
    private AngleSharp.Dom.IElement Render(int count, bool? oob = null)
    {
        return Context.Render<OnlineTotal>(p =>
        {
            p.Add(x => x.Count, count);
            if (oob is { } value) p.Add(x => x.Oob, value);
        }).Find("#online-total");
    }

    [Test]
    public void Shows_how_many_are_online_on_the_whole_site()
    {
        var element = Render(17);

        Assert.Multiple(() =>
        {
            Assert.That(element.TextContent.Trim(), Is.EqualTo("17 online"));
            Assert.That(element.GetAttribute("data-count"), Is.EqualTo("17"));
            Assert.That(element.HasAttribute("hx-swap-oob"), Is.False);
        });
    }

    [Test]
    public void Out_of_band_when_asked() =>
        Assert.That(Render(3, oob: true).GetAttribute("hx-swap-oob"), Is.EqualTo("true"));
}
