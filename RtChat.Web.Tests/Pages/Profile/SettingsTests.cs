using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Profile;

public sealed class SettingsTests : AppFixture
{
    private const string SettingsPath = "/profile/settings";

    [Test]
    public async Task Settings_while_signed_out_redirects_to_login_and_back_after_signing_in()
    {
        var user = TestUser.Create();
        using (var signUp = App.NewSession()) await signUp.RegisterAsync(user);
        using var web = App.NewSession();

        using var challenge = await web.GetAsync(SettingsPath);
        var login = challenge.Headers.Location;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(challenge.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(login?.AbsolutePath, Is.EqualTo(AccountSteps.LoginPath));
            Assert.That(login?.Query, Is.EqualTo("?ReturnUrl=" + Uri.EscapeDataString(SettingsPath)));
        }

        using var signedIn = await web.PostLoginAsync(user.Username, user.Password, login!.PathAndQuery);
        Assert.That(signedIn.Headers.Location?.ToString(), Is.EqualTo(SettingsPath));

        var settings = await web.FollowAsync(signedIn);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(settings.PathAndQuery, Is.EqualTo(SettingsPath));
            Assert.That(settings.Text, Does.Contain(user.Email));
            Assert.That(settings.TestId("email-state")?.TextContent, Is.EqualTo("Not verified"));
        }
    }
}
