using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Security;

/// <summary>Forms posted from another site (no antiforgery token), and return addresses that lead off the site.</summary>
public sealed class FormAttacksTests : AppFixture
{
    private static readonly string[] OffSite =
        ["//evil.example", "https://evil.example/login", "/\\evil.example", "\\\\evil.example", "/\t/evil.example", "http:evil.example", "javascript:alert(1)"];

    [Test]
    public async Task Every_form_post_without_the_antiforgery_token_is_refused_with_400()
    {
        // An admin, so that the admin area's posts reach their token check too (everyone else gets its 404 first).
        var (web, _) = await App.SignedUpAdminAsync();
        using var _ = web;
        // The error page answers posts re-executed after an error, and changes nothing.
        var routes = (await PostRoutes.AllAsync(App)).Where(route => !route.StartsWith("/error", StringComparison.OrdinalIgnoreCase)).ToList();

        var answers = new List<string>();
        foreach (var route in routes)
        {
            using var response = await web.PostWithTokenAsync(route, token: null);
            answers.Add($"{route} {(int)response.StatusCode}");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(routes, Has.Count.GreaterThanOrEqualTo(20), "every page's POST handlers are walked");
            foreach (var expected in new[] { "/chat/room/x?handler=Send", "/chat/room/x?handler=Upload", "/profile/edit", "/profile/delete", "/Identity/Account/Logout", "/admin/messages?handler=Delete" })
                Assert.That(routes, Has.Some.EqualTo(expected).IgnoreCase);
            Assert.That(answers, Is.EqualTo(routes.Select(route => $"{route} 400")));
        }
    }

    [TestCaseSource(nameof(OffSite))]
    public async Task Logging_in_with_a_return_url_off_the_site_lands_on_the_home_page(string returnUrl)
    {
        using var web = App.NewSession();
        var user = TestUser.Create("redirect");
        await web.RegisterAsync(user);
        await web.LogoutAsync();

        using var response = await web.PostLoginAsync(user.Username, user.Password, AccountSteps.LoginPath + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/"));
    }

    [TestCaseSource(nameof(OffSite))]
    public async Task Signing_up_with_a_return_url_off_the_site_leads_through_onboarding_to_the_home_page(string returnUrl)
    {
        using var web = App.NewSession();
        var form = await web.GetPageAsync(AccountSteps.RegisterPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var user = TestUser.Create("redirect");
        using var registered = await web.SubmitAsync(form, fields: new Dictionary<string, string?>
        {
            ["Input.Email"] = user.Email, ["Input.Username"] = user.Username, ["Input.Password"] = user.Password,
        });

        var onboarding = await web.GetPageAsync(ProfileSteps.OnboardingPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        using var saved = await web.SubmitMultipartAsync(onboarding, null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(registered.Headers.Location?.OriginalString, Is.EqualTo(ProfileSteps.OnboardingPath + "?returnUrl=%2F"));
            Assert.That(onboarding.TestId("skip")?.GetAttribute("href"), Is.EqualTo("/"));
            Assert.That(saved.Headers.Location?.OriginalString, Is.EqualTo("/"));
        }
    }

    [TestCaseSource(nameof(OffSite))]
    public async Task Logging_out_with_a_return_url_off_the_site_lands_on_the_home_page(string returnUrl)
    {
        var (web, _) = await App.SignedUpAsync("redirect");
        using var _ = web;

        using var response = await web.PostFormAsync("/Identity/Account/Logout?returnUrl=" + Uri.EscapeDataString(returnUrl));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/"));
        }
    }
}
