using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Profile;

public sealed class SettingsTests : AppFixture
{
    [Test]
    public async Task Settings_while_signed_out_redirects_to_login_and_back_after_signing_in()
    {
        var user = TestUser.Create();
        using (var signUp = App.NewSession()) await signUp.RegisterAsync(user);
        using var web = App.NewSession();

        using var challenge = await web.GetAsync(SettingsSteps.SettingsPath);
        var login = challenge.Headers.Location;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(challenge.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(login?.AbsolutePath, Is.EqualTo(AccountSteps.LoginPath));
            Assert.That(login?.Query, Is.EqualTo("?ReturnUrl=" + Uri.EscapeDataString(SettingsSteps.SettingsPath)));
        }

        using var signedIn = await web.PostLoginAsync(user.Username, user.Password, login!.PathAndQuery);
        Assert.That(signedIn.Headers.Location?.ToString(), Is.EqualTo(SettingsSteps.SettingsPath));

        var settings = await web.FollowAsync(signedIn);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(settings.PathAndQuery, Is.EqualTo(SettingsSteps.SettingsPath));
            Assert.That(settings.Text, Does.Contain(user.Email));
            Assert.That(settings.TestId("email-state")?.TextContent, Is.EqualTo("Not verified"));
        }
    }

    [Test]
    public async Task Settings_show_the_email_with_a_change_link_for_htmx_and_the_password_and_delete_links()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);

        var settings = await web.GetPageAsync(SettingsSteps.SettingsPath);

        var change = settings.Document.QuerySelector("#email-section a[hx-get]");
        var links = settings.Document.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!.ToLowerInvariant()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.TestId("email")?.TextContent, Is.EqualTo(user.Email));
            Assert.That(change?.GetAttribute("hx-get"), Is.EqualTo(SettingsSteps.SettingsPath + "?handler=EmailForm").IgnoreCase);
            Assert.That(change?.GetAttribute("hx-target"), Is.EqualTo("#email-section"));
            Assert.That(change?.GetAttribute("href"), Is.EqualTo(SettingsSteps.SettingsPath + "?handler=EmailForm").IgnoreCase, "works without JavaScript too");
            Assert.That(links, Does.Contain("/identity/account/manage/changepassword"));
            Assert.That(links, Does.Contain("/profile/delete"));
            Assert.That(settings.TestId("pending-email"), Is.Null);
        }
    }

    [Test]
    public async Task Change_swaps_in_the_inline_email_form_and_cancel_swaps_the_email_row_back()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);

        var form = await web.SettingsFragmentAsync("EmailForm");
        var row = await web.SettingsFragmentAsync("EmailSection");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(form.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(form.Document.Body?.Children.Select(e => e.Id), Is.EqualTo(new[] { "email-section" }), "one region, no layout");
            Assert.That(form.Document.QuerySelector("header, nav"), Is.Null);
            Assert.That(form.Document.QuerySelector("#email-section form input[name=NewEmail][type=email]"), Is.Not.Null);
            Assert.That(form.Document.QuerySelector("#email-section form")?.GetAttribute("hx-post"), Is.EqualTo(SettingsSteps.SettingsPath + "?handler=ChangeEmail").IgnoreCase);
            Assert.That(form.Document.QuerySelector("#email-section form input[name=__RequestVerificationToken]"), Is.Not.Null);
            Assert.That(form.Response.Headers.Vary.Select(v => v.ToLowerInvariant()), Does.Contain("hx-request"));
            Assert.That(row.Document.Body?.Children.Select(e => e.Id), Is.EqualTo(new[] { "email-section" }));
            Assert.That(row.TestId("email")?.TextContent, Is.EqualTo(user.Email));
        }
    }

    [Test]
    public async Task Fragments_served_by_a_handler_point_htmx_at_their_handlers()
    {
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());
        using var _ = await web.RequestEmailChangeAsync("pending_" + TestUser.Create().Email);

        var form = await web.SettingsFragmentAsync("EmailForm");
        var row = await web.SettingsFragmentAsync("EmailSection");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(form.Document.QuerySelector("#email-section a[hx-get]")?.GetAttribute("hx-get"), Is.EqualTo(SettingsSteps.SettingsPath + "?handler=EmailSection").IgnoreCase);
            Assert.That(row.Document.QuerySelector("#email-section a[hx-get]")?.GetAttribute("hx-get"), Is.EqualTo(SettingsSteps.SettingsPath + "?handler=EmailForm").IgnoreCase);
            Assert.That(row.TestId("pending-email")?.QuerySelector("form")?.GetAttribute("hx-post"), Is.EqualTo(SettingsSteps.SettingsPath + "?handler=CancelEmailChange").IgnoreCase);
            Assert.That(row.TestId("pending-email")?.QuerySelector("form input[name=__RequestVerificationToken]"), Is.Not.Null);
        }
    }

    [Test]
    public async Task Without_htmx_change_shows_the_settings_page_with_the_email_form()
    {
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());

        var page = await web.GetPageAsync(SettingsSteps.SettingsPath + "?handler=EmailForm");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Document.QuerySelector("header"), Is.Not.Null, "the whole page");
            Assert.That(page.Document.QuerySelector("main #email-section input[name=NewEmail]"), Is.Not.Null);
        }
    }

    [Test]
    public async Task An_address_used_by_another_account_gets_no_confirmation_link_and_the_account_keeps_its_own()
    {
        var other = TestUser.Create("other");
        using (var theirs = App.NewSession()) await theirs.RegisterAsync(other);
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);

        using var response = await web.RequestEmailChangeAsync(other.Email.ToUpperInvariant());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "answered like any change (Security/EmailTakeoverAttacksTests)");
            Assert.That((await App.FindUserByEmailAsync(user.Email))?.Email, Is.EqualTo(user.Email));
            Assert.That(App.Mailbox.To(other.Email).Select(m => m.Subject), Has.None.EqualTo("Confirm your new email address"), "no link to the other account");
        }
    }

    [TestCase("not-an-address", "Enter a valid email address.")]
    [TestCase("", "Enter the new address.")]
    public async Task An_invalid_new_address_answers_the_inline_form_with_an_error(string newEmail, string error)
    {
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());

        using var response = await web.RequestEmailChangeAsync(newEmail);
        var fragment = await HtmlPage.ParseAsync(response);

        Assert.That(fragment.FieldError("NewEmail"), Is.EqualTo(error));
    }


    [Test]
    public async Task Email_handlers_while_signed_out_redirect_to_login()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync(SettingsSteps.SettingsPath + "?handler=EmailForm", htmx: true);

        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo(AccountSteps.LoginPath));
    }
}
