using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Profile;

/// <summary><c>/profile/edit</c> and <c>/profile/onboarding</c> over HTTP: the form, onboarding and saving the text.</summary>
public sealed class EditTests : AppFixture
{
    [TestCase(ProfileSteps.EditPath)]
    [TestCase(ProfileSteps.OnboardingPath)]
    public async Task Editing_while_signed_out_redirects_to_login(string path)
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync(path);

        AccountSteps.AssertRedirectsToLogin(response);
    }

    [Test]
    public async Task The_edit_form_shows_the_current_avatar_name_and_info_and_a_cancel_link()
    {
        using var web = App.NewSession();
        var user = await web.SignUpNewUserAsync();
        using (var saved = await web.SaveProfileAsync(null, "Edith", "Hello there"))
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var page = await web.GetPageAsync(ProfileSteps.EditPath);

        var form = page.Form(ProfileSteps.FormSelector);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Document.QuerySelector("main h1")?.TextContent, Is.EqualTo("Edit profile"));
            Assert.That(form.GetAttribute("enctype"), Is.EqualTo("multipart/form-data"));
            Assert.That(form.QuerySelector("input[type=file][name=Avatar]")?.GetAttribute("accept"), Does.Contain("image/jpeg"));
            Assert.That(form.QuerySelector("[data-avatar-preview]")?.GetAttribute("src"), Is.EqualTo("/images/avatar.svg"));
            Assert.That(form.QuerySelector("#DisplayName")?.GetAttribute("value"), Is.EqualTo("Edith"));
            Assert.That(form.QuerySelector("#DisplayName")?.GetAttribute("placeholder"), Is.EqualTo(user.Username));
            Assert.That(form.QuerySelector("#Info")?.TextContent, Is.EqualTo("Hello there"));
            Assert.That(form.QuerySelector("a[href='/profile']")?.TextContent, Is.EqualTo("Cancel"));
            Assert.That(page.TestId("skip"), Is.Null);
        }
    }

    [Test]
    public async Task Signing_up_lands_on_onboarding_whose_skip_link_and_form_keep_the_return_url()
    {
        var user = TestUser.Create("onboard");
        using var web = App.NewSession();
        var register = await web.GetPageAsync(AccountSteps.RegisterPath + "?returnUrl=%2Fprofile%2Fsettings");

        using var registered = await web.SubmitAsync(register, fields: new Dictionary<string, string?>
        {
            ["Input.Email"] = user.Email,
            ["Input.Username"] = user.Username,
            ["Input.Password"] = user.Password,
        });
        var onboarding = await web.FollowAsync(registered);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(registered.Headers.Location?.ToString(), Is.EqualTo("/profile/onboarding?returnUrl=%2Fprofile%2Fsettings"));
            Assert.That(onboarding.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(onboarding.Document.QuerySelector("main h1")?.TextContent, Is.EqualTo("Set up your profile"));
            Assert.That(onboarding.TestId("skip")?.GetAttribute("href"), Is.EqualTo("/profile/settings"));
            Assert.That(onboarding.Form(ProfileSteps.FormSelector).GetAttribute("action"), Is.EqualTo("/profile/onboarding?returnUrl=%2Fprofile%2Fsettings"));
        }

        using var saved = await web.SubmitMultipartAsync(onboarding, null, new Dictionary<string, string?> { ["DisplayName"] = "Newcomer" });
        var landed = await web.FollowAsync(saved);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(saved.Headers.Location?.ToString(), Is.EqualTo("/profile/settings"), "saving goes on to where they were headed");
            Assert.That(landed.HeaderName(), Is.EqualTo("Newcomer"));
            Assert.That(landed.Flashes, Has.Some.Contains("Welcome aboard"));
        }
    }

    [Test]
    public async Task Onboarding_never_sends_you_off_site()
    {
        using var web = App.NewSession();
        await web.SignUpNewUserAsync();

        var onboarding = await web.GetPageAsync(ProfileSteps.OnboardingPath + "?returnUrl=" + Uri.EscapeDataString("https://evil.example/"));
        using var saved = await web.SubmitMultipartAsync(onboarding, null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(onboarding.TestId("skip")?.GetAttribute("href"), Is.EqualTo("/"));
            Assert.That(saved.Headers.Location?.ToString(), Is.EqualTo("/"));
        }
    }

    [Test]
    public async Task Saving_the_display_name_and_info_shows_them_in_the_header_and_on_the_profile()
    {
        using var web = App.NewSession();
        await web.SignUpNewUserAsync();

        using var saved = await web.SaveProfileAsync(null, displayName: "  Edith E.  ", info: "Knits.\nReads.");
        var profile = await web.FollowAsync(saved);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(profile.PathAndQuery, Is.EqualTo("/profile"));
            Assert.That(profile.HeaderName(), Is.EqualTo("Edith E."));
            Assert.That(profile.TestId("display-name")?.TextContent, Is.EqualTo("Edith E."));
            Assert.That(profile.TestId("info")?.TextContent, Is.EqualTo("Knits.\nReads."));
            Assert.That(profile.Flashes, Does.Contain("Your profile is saved."));
        }
    }

    [Test]
    public async Task Saving_with_htmx_answers_with_a_redirect_for_htmx_to_follow()
    {
        using var web = App.NewSession();
        await web.SignUpNewUserAsync();

        using var saved = await web.SaveProfileAsync(null, displayName: "Htmx Edith", htmx: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(saved.Headers.TryGetValues("HX-Redirect", out var to) ? to.Single() : null, Is.EqualTo("/profile"));
            Assert.That((await web.GetPageAsync("/profile")).HeaderName(), Is.EqualTo("Htmx Edith"));
        }
    }

    [Test]
    public async Task Onboarding_with_htmx_redirects_htmx_on_to_where_they_were_headed()
    {
        using var web = App.NewSession();
        await web.SignUpNewUserAsync();
        var onboarding = await web.GetPageAsync(ProfileSteps.OnboardingPath + "?returnUrl=%2Fprofile%2Fsettings");

        using var saved = await web.SubmitMultipartAsync(onboarding, null, htmx: true);
        var to = saved.Headers.TryGetValues("HX-Redirect", out var values) ? values.Single() : null;
        var landed = await web.GetPageAsync(to ?? "/nowhere");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(to, Is.EqualTo(SettingsSteps.SettingsPath));
            Assert.That(landed.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(landed.Flashes, Has.Some.Contains("Welcome aboard"));
        }
    }

    [Test]
    public async Task A_display_name_over_20_characters_is_refused_with_the_typed_text_kept()
    {
        using var web = App.NewSession();
        var user = await web.SignUpNewUserAsync();
        var tooLong = new string('x', 21);

        using var refused = await web.SaveProfileAsync(null, displayName: tooLong, info: "typed info");
        var page = await HtmlPage.ParseAsync(refused);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)refused.StatusCode, Is.EqualTo(422));
            Assert.That(page.SummaryErrors, Has.Some.Contains("20 characters"));
            Assert.That(page.Document.QuerySelector("#DisplayName")?.GetAttribute("value"), Is.EqualTo(tooLong));
            Assert.That(page.Document.QuerySelector("#Info")?.TextContent, Is.EqualTo("typed info"));
            Assert.That((await web.GetPageAsync("/profile")).HeaderName(), Is.EqualTo(user.Username), "nothing was saved");
        }
    }
}
