using Bunit;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Tests.Components.Chat;

public sealed class RoomPresenceTests : ComponentTest
{
    [Test]
    public void One_update_swaps_the_count_and_the_dots_out_of_band()
    {
        string[] online = ["11111111-2222-4333-8444-555555555555", "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"];

        var cut = Context.Render<RoomPresence>(p => p.Add(x => x.Online, online));

        var count = cut.Find("#online-count");
        var style = cut.Find("#presence-style");
        Assert.Multiple(() =>
        {
            Assert.That(count.GetAttribute("data-count"), Is.EqualTo("2"));
            Assert.That(count.GetAttribute("hx-swap-oob"), Is.EqualTo("true"));
            Assert.That(style.GetAttribute("hx-swap-oob"), Is.EqualTo("true"));
            Assert.That(style.TextContent, Does.Contain($".presence-u-{online[0]}").And.Contain($".presence-u-{online[1]}"));
        });
    }
}
