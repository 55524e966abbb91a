using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Profile;

public sealed class IndexTests : AppFixture
{
    [Test]
    public async Task Own_profile_shows_your_username_and_a_settings_link()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);

        var profile = await web.GetPageAsync("/profile");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(profile.Document.QuerySelector("main h1")?.TextContent, Is.EqualTo(user.Username));
            Assert.That(profile.Document.QuerySelector("main a[href='/profile/settings']"), Is.Not.Null);
        }
    }

    [Test]
    public async Task Someone_elses_profile_is_found_by_username_in_any_case_without_their_settings_link()
    {
        var other = TestUser.Create("other");
        using (var theirs = App.NewSession()) await theirs.RegisterAsync(other);
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());

        var profile = await web.GetPageAsync("/u/" + other.Username.ToUpperInvariant());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(profile.Document.QuerySelector("main h1")?.TextContent, Is.EqualTo(other.Username));
            Assert.That(profile.Document.QuerySelector("main a[href='/profile/settings']"), Is.Null);
        }
    }

    [Test]
    public async Task An_unknown_username_answers_our_404()
    {
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());

        using var response = await web.GetAsync("/u/nobody_by_that_name");

        var page = await HtmlPage.ParseAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(page.TestId("error-page"), Is.Not.Null);
        }
    }
}
