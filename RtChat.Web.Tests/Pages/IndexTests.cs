using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages;

public sealed class IndexTests : AppFixture
{
    [Test]
    public async Task Home_invites_visitors_to_sign_up_or_log_in()
    {
        using var web = App.NewSession();

        var home = await web.GetPageAsync("/");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(home.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(home.Document.QuerySelector("main a[href='/Identity/Account/Register']"), Is.Not.Null);
            Assert.That(home.Document.QuerySelector("main a[href='/Identity/Account/Login']"), Is.Not.Null);
            Assert.That(home.TestId("header-name"), Is.Null);
        }
    }

    [Test]
    public async Task Pages_tell_caches_they_vary_on_the_htmx_header()
    {
        using var web = App.NewSession();

        using var plain = await web.GetAsync("/");
        using var htmx = await web.GetAsync("/", htmx: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plain.Headers.Vary, Does.Contain("HX-Request"));
            Assert.That(htmx.Headers.Vary, Does.Contain("HX-Request"));
            Assert.That(htmx.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }
}
