using System.Net;
using RtChat.Web.Tests.Support;
using RtChat.Web.Web;

namespace RtChat.Web.Tests.Security;

/// <summary>
/// The app as production runs it, behind a proxy on the same machine that ends TLS: a session cookie must never travel
/// over plain http (a network attacker reads it), and browsers must be told to come back over HTTPS only (SSL stripping).
/// </summary>
public sealed class HttpsAttacksTests : AppFixture
{
    private const string PublicHost = "chat.example.test";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        [HttpsSetup.Key] = "true",
        ["App:PublicOrigin"] = "https://" + PublicHost,
    };

    [Test]
    public async Task A_page_asked_for_over_plain_http_is_redirected_to_https_without_a_cookie()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync(AccountSteps.LoginPath);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
            Assert.That(response.Headers.Location?.Scheme, Is.EqualTo("https"));
            Assert.That(response.Headers.Location?.PathAndQuery, Is.EqualTo(AccountSteps.LoginPath));
            Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
        }
    }

    [Test]
    public async Task Signing_up_through_the_tls_proxy_sets_only_secure_cookies_and_every_answer_carries_hsts()
    {
        using var browser = new ProxiedBrowser(App.BaseAddress, PublicHost);
        using var register = await browser.SendAsync(HttpMethod.Get, AccountSteps.RegisterPath);
        var fields = WebSession.FieldsOf((await HtmlPage.ParseAsync(register)).Form());
        var user = TestUser.Create("secure");
        fields["Input.Email"] = user.Email;
        fields["Input.Username"] = user.Username;
        fields["Input.Password"] = user.Password;

        using var registered = await browser.SendAsync(HttpMethod.Post, AccountSteps.RegisterPath, new FormUrlEncodedContent(fields));
        using var onboarding = await browser.SendAsync(HttpMethod.Get, registered.Headers.Location!.OriginalString);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed up");
            Assert.That(onboarding.StatusCode, Is.EqualTo(HttpStatusCode.OK), "signed in");
            Assert.That(browser.CookiesSet.Select(c => c.Name.ToString()), Has.Some.EqualTo(WebSession.AuthCookie));
            Assert.That(browser.CookiesSet.Select(c => c.Name.ToString()), Has.Some.StartsWith(".AspNetCore.Antiforgery."));
            Assert.That(browser.CookiesSet.Where(c => !c.Secure).Select(c => c.Name.ToString()), Is.Empty, "every cookie is Secure");
            Assert.That(new[] { register, registered, onboarding }.Select(r => r.Headers.GetValues("Strict-Transport-Security").Single()),
                Is.All.EqualTo($"max-age={(int)HttpsSetup.HstsMaxAge.TotalSeconds}"));
        }
    }

    [Test]
    public async Task The_health_check_answers_a_load_balancer_over_plain_http()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync(WebSetup.HealthPath);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
