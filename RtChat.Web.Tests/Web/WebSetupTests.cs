using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Web;

public sealed class WebSetupTests : AppFixture
{
    [Test]
    public async Task Data_protection_keys_are_kept_in_the_configured_folder()
    {
        using var web = App.NewSession();

        await web.GetPageAsync(AccountSteps.LoginPath); // the antiforgery token needs a key

        Assert.That(Directory.EnumerateFiles(App.KeysDirectory, "key-*.xml"), Is.Not.Empty);
    }

    [Test]
    public async Task New_data_protection_keys_encrypt_with_AES_GCM()
    {
        using var web = App.NewSession();

        await web.GetPageAsync(AccountSteps.LoginPath);

        var key = await File.ReadAllTextAsync(Directory.EnumerateFiles(App.KeysDirectory, "key-*.xml").First());
        Assert.That(key, Does.Contain("<encryption algorithm=\"AES_256_GCM\""));
    }

    [Test]
    public async Task A_page_seen_again_sets_no_cookie()
    {
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());
        await web.GetPageAsync("/");

        using var again = await web.GetAsync("/");

        Assert.That(again.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], Is.Empty);
    }

    [Test]
    public async Task A_flash_shows_on_the_next_page_only()
    {
        using var web = App.NewSession();
        var home = await web.RegisterAsync(TestUser.Create());

        var flashed = await web.SubmitAndFollowAsync(home, "[data-testid='verify-banner'] form");
        var after = await web.GetPageAsync("/");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(flashed.Flashes, Is.Not.Empty);
            Assert.That(after.Flashes, Is.Empty);
        }
    }

    [Test]
    public async Task Responses_carry_the_security_headers()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync("/");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "same-origin" }));
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.That(policy, Does.Contain("script-src 'self';"), "no inline or foreign script runs");
            Assert.That(policy, Does.Contain("frame-ancestors 'none'"));
        }
    }

    [Test]
    public async Task A_form_posted_by_htmx_with_the_token_in_the_header_passes_antiforgery()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);
        var home = await web.GetPageAsync("/");
        var token = System.Text.Json.JsonDocument.Parse(home.Document.Body!.GetAttribute("hx-headers")!)
            .RootElement.GetProperty("RequestVerificationToken").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/Logout");
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await web.SendAsync(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(302));
            Assert.That(web.IsSignedIn, Is.False);
        }
    }

    [Test]
    public async Task The_room_page_tells_caches_it_varies_on_the_htmx_header_once()
    {
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());

        using var room = await web.GetAsync("/");

        Assert.That(room.Headers.Vary.Count(v => v == "HX-Request"), Is.EqualTo(1));
    }

    [Test]
    public async Task Pages_tell_caches_they_vary_on_the_htmx_header()
    {
        using var web = App.NewSession();

        using var plain = await web.GetAsync(AccountSteps.LoginPath);
        using var htmx = await web.GetAsync(AccountSteps.LoginPath, htmx: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plain.Headers.Vary, Does.Contain("HX-Request"));
            Assert.That(htmx.Headers.Vary, Does.Contain("HX-Request"));
            Assert.That(htmx.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }
}
