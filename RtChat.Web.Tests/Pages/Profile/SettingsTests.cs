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

    [Test]
    public async Task Settings_show_the_email_with_a_change_link_for_htmx_and_the_password_and_delete_links()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);

        var settings = await web.GetPageAsync(SettingsPath);

        var change = settings.Document.QuerySelector("#email-section a[hx-get]");
        var links = settings.Document.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!.ToLowerInvariant()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.TestId("email")?.TextContent, Is.EqualTo(user.Email));
            Assert.That(change?.GetAttribute("hx-get"), Is.EqualTo(SettingsPath + "?handler=EmailForm").IgnoreCase);
            Assert.That(change?.GetAttribute("hx-target"), Is.EqualTo("#email-section"));
            Assert.That(change?.GetAttribute("href"), Is.EqualTo(SettingsPath + "?handler=EmailForm").IgnoreCase, "works without JavaScript too");
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

        var form = await FragmentAsync(web, "EmailForm");
        var row = await FragmentAsync(web, "EmailSection");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(form.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(form.Document.Body?.Children.Select(e => e.Id), Is.EqualTo(new[] { "email-section" }), "one region, no layout");
            Assert.That(form.Document.QuerySelector("header, nav"), Is.Null);
            Assert.That(form.Document.QuerySelector("#email-section form input[name=NewEmail][type=email]"), Is.Not.Null);
            Assert.That(form.Document.QuerySelector("#email-section form")?.GetAttribute("hx-post"), Is.EqualTo(SettingsPath + "?handler=ChangeEmail").IgnoreCase);
            Assert.That(form.Document.QuerySelector("#email-section form input[name=__RequestVerificationToken]"), Is.Not.Null);
            Assert.That(form.Response.Headers.Vary.Select(v => v.ToLowerInvariant()), Does.Contain("hx-request"));
            Assert.That(row.Document.Body?.Children.Select(e => e.Id), Is.EqualTo(new[] { "email-section" }));
            Assert.That(row.TestId("email")?.TextContent, Is.EqualTo(user.Email));
        }
    }

    [Test]
    public async Task Without_htmx_change_shows_the_settings_page_with_the_email_form()
    {
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());

        var page = await web.GetPageAsync(SettingsPath + "?handler=EmailForm");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Document.QuerySelector("header"), Is.Not.Null, "the whole page");
            Assert.That(page.Document.QuerySelector("main #email-section input[name=NewEmail]"), Is.Not.Null);
        }
    }

    [Test]
    public async Task An_address_used_by_another_account_answers_the_inline_form_with_an_error()
    {
        var other = TestUser.Create("other");
        using (var theirs = App.NewSession()) await theirs.RegisterAsync(other);
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);

        using var response = await RequestEmailChangeAsync(web, other.Email.ToUpperInvariant());
        var fragment = await HtmlPage.ParseAsync(response);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(fragment.FieldError("NewEmail"), Is.EqualTo("That address is already used by another account."));
            Assert.That(fragment.Document.QuerySelector("input[name=NewEmail]")?.GetAttribute("value"), Is.EqualTo(other.Email.ToUpperInvariant()));
            Assert.That(fragment.Document.QuerySelector("header"), Is.Null, "the fragment, not the page");
            Assert.That((await App.FindUserByEmailAsync(user.Email))?.PendingEmail, Is.Null);
            Assert.That(App.Mailbox.To(other.Email).Select(m => m.Subject), Has.None.Contains("new email"), "no mail to the other account");
        }
    }

    [TestCase("not-an-address", "Enter a valid email address.")]
    [TestCase("", "Enter the new address.")]
    public async Task An_invalid_new_address_answers_the_inline_form_with_an_error(string newEmail, string error)
    {
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());

        using var response = await RequestEmailChangeAsync(web, newEmail);
        var fragment = await HtmlPage.ParseAsync(response);

        Assert.That(fragment.FieldError("NewEmail"), Is.EqualTo(error));
    }

    [Test]
    public async Task A_new_address_gets_a_confirmation_link_the_old_one_a_notice_and_nothing_changes_until_it_is_opened()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);
        var newEmail = "new_" + user.Email;

        using var response = await RequestEmailChangeAsync(web, newEmail);

        var confirmation = await App.Mailbox.WaitForMailAsync(newEmail);
        var notice = await App.Mailbox.WaitForMailAsync(user.Email, count: 2); // the sign-up confirmation came first
        var settings = await web.GetPageAsync(SettingsPath);
        var stored = await App.FindUserByEmailAsync(user.Email);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(response.Headers.TryGetValues("HX-Refresh", out var refresh) ? refresh.Single() : null, Is.EqualTo("true"));
            Assert.That(confirmation.Subject, Is.EqualTo("Confirm your new email address"));
            Assert.That(confirmation.Link.AbsolutePath, Is.EqualTo("/profile/confirm-email"));
            Assert.That(confirmation.Link.Authority, Is.EqualTo(App.BaseAddress.Authority));
            Assert.That(notice.Subject, Is.EqualTo("Your email address is about to change"));
            Assert.That(notice.Raw, Does.Contain(newEmail));
            Assert.That(notice.Raw, Does.Not.Contain("/profile/confirm-email"), "the link goes only to the new address");
            Assert.That(stored?.Email, Is.EqualTo(user.Email), "the old address stays the account's");
            Assert.That(stored?.PendingEmail, Is.EqualTo(newEmail));
            Assert.That(settings.TestId("email")?.TextContent, Is.EqualTo(user.Email));
            Assert.That(settings.TestId("pending-email")?.TextContent, Does.Contain(newEmail));
            Assert.That(settings.Flashes, Has.Some.Contains("We sent a confirmation link to " + newEmail));
            Assert.That(await CanLogInAsync(user.Email, user.Password), Is.True, "the old address still logs in");
            Assert.That(await CanLogInAsync(newEmail, user.Password), Is.False, "the new one not yet");
        }
    }

    [Test]
    public async Task Opening_the_link_makes_the_new_address_the_confirmed_email_and_tells_the_old_one()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);
        var newEmail = "new_" + user.Email;
        using (await RequestEmailChangeAsync(web, newEmail)) { }
        var link = (await App.Mailbox.WaitForMailAsync(newEmail)).Link;

        using var opened = await web.GetAsync(link.PathAndQuery);
        var settings = await web.FollowAsync(opened);

        var changed = await App.Mailbox.WaitForMailAsync(user.Email, count: 3);
        var stored = await App.FindUserByEmailAsync(newEmail);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(opened.Headers.Location?.ToString(), Is.EqualTo(SettingsPath).IgnoreCase);
            Assert.That(settings.PathAndQuery, Is.EqualTo(SettingsPath).IgnoreCase, "still signed in");
            Assert.That(settings.Flashes, Does.Contain($"Your email address is now {newEmail}."));
            Assert.That(settings.TestId("email")?.TextContent, Is.EqualTo(newEmail));
            Assert.That(settings.TestId("email-state")?.TextContent, Is.EqualTo("Verified"));
            Assert.That(settings.TestId("pending-email"), Is.Null);
            Assert.That(stored, Is.Not.Null);
            Assert.That(stored?.EmailConfirmed, Is.True);
            Assert.That(stored?.PendingEmail, Is.Null);
            Assert.That(await App.FindUserByEmailAsync(user.Email), Is.Null);
            Assert.That(changed.Subject, Is.EqualTo("Your email address has changed"));
            Assert.That(changed.Raw, Does.Contain(newEmail));
            Assert.That(await CanLogInAsync(newEmail, user.Password), Is.True);
            Assert.That(await CanLogInAsync(user.Email, user.Password), Is.False, "the old address no longer logs in");
        }

        var again = await web.GetPageAsync(link.PathAndQuery);
        Assert.That(again.Flashes, Has.Some.Contains("This link is invalid"), "a link works once");
    }

    [Test]
    public async Task The_link_works_from_another_browser_too()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);
        var newEmail = "new_" + user.Email;
        using (await RequestEmailChangeAsync(web, newEmail)) { }
        var link = (await App.Mailbox.WaitForMailAsync(newEmail)).Link;
        using var phone = App.NewSession();

        using var opened = await phone.GetAsync(link.PathAndQuery);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(opened.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(phone.IsSignedIn, Is.False, "opening a link signs no one in");
            Assert.That((await App.FindUserByEmailAsync(newEmail))?.EmailConfirmed, Is.True);
        }
    }

    [Test]
    public async Task A_tampered_link_changes_nothing()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);
        var newEmail = "new_" + user.Email;
        using (await RequestEmailChangeAsync(web, newEmail)) { }
        var link = (await App.Mailbox.WaitForMailAsync(newEmail)).Link;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        string Link(string userId, string email, string code) =>
            $"{link.AbsolutePath}?userId={Uri.EscapeDataString(userId)}&email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(code)}";
        var (id, code) = (query["userId"].ToString(), query["code"].ToString());
        var flipped = code[..(code.Length / 2)] + (code[code.Length / 2] == 'A' ? 'B' : 'A') + code[(code.Length / 2 + 1)..];
        var attacker = "attacker_" + user.Email;

        var forgedCode = await web.GetPageAsync(Link(id, newEmail, flipped));
        var otherAddress = await web.GetPageAsync(Link(id, attacker, code));
        var noCode = await web.GetPageAsync(Link(id, newEmail, ""));

        var stored = await App.FindUserByEmailAsync(user.Email);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forgedCode.Flashes, Has.Some.Contains("invalid"));
            Assert.That(otherAddress.Flashes, Has.Some.Contains("invalid"));
            Assert.That(noCode.Flashes, Has.Some.Contains("invalid"));
            Assert.That(stored?.Email, Is.EqualTo(user.Email));
            Assert.That(stored?.PendingEmail, Is.EqualTo(newEmail), "the real link still stands");
            Assert.That(await App.FindUserByEmailAsync(attacker), Is.Null);
            Assert.That(App.Mailbox.To(user.Email).Select(m => m.Subject), Has.None.EqualTo("Your email address has changed"));
        }

        var genuine = await web.GetPageAsync(link.PathAndQuery);
        Assert.That(genuine.TestId("email")?.TextContent, Is.EqualTo(newEmail), "and the genuine link still works");
    }

    [Test]
    public async Task Cancelling_clears_the_pending_address_and_its_link_stops_working()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);
        var newEmail = "new_" + user.Email;
        using (await RequestEmailChangeAsync(web, newEmail)) { }
        var link = (await App.Mailbox.WaitForMailAsync(newEmail)).Link;
        var pending = await web.GetPageAsync(SettingsPath);

        using var cancelled = await web.SubmitAsync(pending, "[data-testid='pending-email'] form", htmx: true);
        var settings = await web.GetPageAsync(SettingsPath);
        var afterLink = await web.GetPageAsync(link.PathAndQuery);

        var stored = await App.FindUserByEmailAsync(user.Email);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(cancelled.Headers.TryGetValues("HX-Refresh", out var refresh) ? refresh.Single() : null, Is.EqualTo("true"));
            Assert.That(settings.TestId("pending-email"), Is.Null);
            Assert.That(settings.Flashes, Does.Contain("The email change is cancelled."));
            Assert.That(afterLink.Flashes, Has.Some.Contains("invalid"));
            Assert.That(stored?.Email, Is.EqualTo(user.Email));
            Assert.That(stored?.PendingEmail, Is.Null);
        }
    }

    [Test]
    public async Task Email_handlers_while_signed_out_redirect_to_login()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync(SettingsPath + "?handler=EmailForm", htmx: true);

        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo(AccountSteps.LoginPath));
    }

    private static async Task<HtmlPage> FragmentAsync(WebSession web, string handler)
    {
        using var response = await web.GetAsync($"{SettingsPath}?handler={handler}", htmx: true);
        return await HtmlPage.ParseAsync(response);
    }

    /// <summary>Opens the inline email form (as htmx does) and posts <paramref name="newEmail"/> with it.</summary>
    private static async Task<HttpResponseMessage> RequestEmailChangeAsync(WebSession web, string newEmail)
    {
        var form = await FragmentAsync(web, "EmailForm");
        return await web.SubmitAsync(form, "#email-section form", new Dictionary<string, string?> { ["NewEmail"] = newEmail }, htmx: true);
    }

    private async Task<bool> CanLogInAsync(string login, string password)
    {
        using var web = App.NewSession();
        using var response = await web.PostLoginAsync(login, password);
        return response.StatusCode == HttpStatusCode.Redirect && web.IsSignedIn;
    }
}
