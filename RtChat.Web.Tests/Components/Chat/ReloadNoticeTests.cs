using Bunit;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Tests.Components.Chat;

public sealed class ReloadNoticeTests : ComponentTest
{
    [Test]
    public void Replaces_the_chat_notice_out_of_band_and_reloads_the_page()
    {

        var notice = Context.Render<ReloadNotice>().Find("div");

        Assert.Multiple(() =>
        {
            Assert.That(notice.Id, Is.EqualTo("chat-notice"));
            Assert.That(notice.GetAttribute("hx-swap-oob"), Is.EqualTo("true"));
            Assert.That(notice.GetAttribute("_"), Is.EqualTo("init call location.reload()"));
            Assert.That(notice.TextContent, Is.Not.Empty, "says why the page goes blank for a moment");
        });
    }
}
