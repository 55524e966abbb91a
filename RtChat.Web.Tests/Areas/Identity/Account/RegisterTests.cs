using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Identity.Account;

public sealed class RegisterTests : AppFixture
{
    [Test]
    public async Task Register_writes_a_confirmation_mail_whose_link_confirms_the_email()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();

        var home = await web.RegisterAsync(user);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(home.PathAndQuery, Is.EqualTo("/profile/onboarding?returnUrl=%2F"), "a newcomer is offered to set up a profile first");
            Assert.That(home.TestId("header-name")?.TextContent, Is.EqualTo(user.Username), "registering signs the user in");
            Assert.That(home.TestId("verify-banner"), Is.Not.Null, "the banner asks to confirm the new address");
            Assert.That((await App.FindUserByEmailAsync(user.Email))?.EmailConfirmed, Is.False);
        }

        var mail = await App.Mailbox.WaitForMailAsync(user.Email);
        Assert.That(mail.Subject, Is.EqualTo("Confirm your email address"));
        Assert.That(mail.Link.GetLeftPart(UriPartial.Authority), Is.EqualTo(App.BaseAddress.GetLeftPart(UriPartial.Authority)),
            "the link points back at the server that sent it");

        var confirmed = await web.GetPageAsync(mail.Link.PathAndQuery);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(confirmed.PathAndQuery, Is.EqualTo("/"));
            Assert.That(confirmed.Flashes, Does.Contain($"Thanks! {user.Email} is confirmed."));
            Assert.That(confirmed.TestId("verify-banner"), Is.Null, "the banner is gone once the address is confirmed");
            Assert.That((await App.FindUserByEmailAsync(user.Email))?.EmailConfirmed, Is.True);
        }
    }

    [Test]
    public async Task Register_goes_through_onboarding_back_to_the_page_that_asked_for_an_account()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        var form = await web.GetPageAsync(AccountSteps.RegisterPath + "?returnUrl=%2Fprofile%2Fsettings");

        using var response = await web.SubmitAsync(form, fields: new Dictionary<string, string?>
        {
            ["Input.Email"] = user.Email,
            ["Input.Username"] = user.Username,
            ["Input.Password"] = user.Password,
        });

        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/profile/onboarding?returnUrl=%2Fprofile%2Fsettings"));
        var onboarding = await web.FollowAsync(response);
        Assert.That(onboarding.TestId("skip")?.GetAttribute("href"), Is.EqualTo("/profile/settings"), "skipping goes where the visitor was headed");
    }

    [Test]
    public async Task Register_stores_the_username_in_lowercase()
    {
        using var web = App.NewSession();
        var user = TestUser.Create("MixedCase");

        var home = await web.RegisterAsync(user);

        var stored = await App.FindUserByEmailAsync(user.Email);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored?.UserName, Is.EqualTo(user.Username.ToLowerInvariant()));
            Assert.That(stored?.UserName, Is.Not.EqualTo(user.Username), "the test really used capitals");
            Assert.That(home.TestId("header-name")?.TextContent, Is.EqualTo(user.Username.ToLowerInvariant()));
        }
    }

    [Test]
    public async Task Register_refuses_a_username_taken_in_another_case()
    {
        var taken = TestUser.Create("alice");
        using (var first = App.NewSession()) await first.RegisterAsync(taken);
        var users = await App.CountUsersAsync();
        using var web = App.NewSession();

        var page = await RegisterFailsAsync(web, TestUser.Create("other").Email, Capitalized(taken.Username), TestUser.DefaultPassword);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.FieldError("Input.Username"), Is.EqualTo($"The username \"{taken.Username}\" is already taken."));
            Assert.That(await App.CountUsersAsync(), Is.EqualTo(users));
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Register_with_an_email_already_used_in_any_case_makes_no_account_and_mails_its_owner(bool otherCase)
    {
        var taken = TestUser.Create();
        using (var first = App.NewSession()) await first.RegisterAsync(taken);
        var users = await App.CountUsersAsync();
        using var web = App.NewSession();

        using var response = await web.PostRegisterAsync(otherCase ? taken.Email.ToUpperInvariant() : taken.Email, TestUser.Create().Username, TestUser.DefaultPassword);

        var warning = await App.Mailbox.WaitForMailAsync(taken.Email, count: 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "answered like a sign-up that worked");
            Assert.That(web.IsSignedIn, Is.False);
            Assert.That(await App.CountUsersAsync(), Is.EqualTo(users));
            Assert.That(warning.Subject, Is.EqualTo("Someone tried to sign up with your address"));
        }
    }

    [TestCase("bad name!")]
    [TestCase("dots.not.allowed")]
    [TestCase("émile")]
    [TestCase("ab")]
    [TestCase("abcdefghij0123456789x")]
    public async Task Register_refuses_a_username_that_breaks_the_rules(string username)
    {
        var users = await App.CountUsersAsync();
        using var web = App.NewSession();

        var page = await RegisterFailsAsync(web, TestUser.Create().Email, username, TestUser.DefaultPassword);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.FieldError("Input.Username"), Is.EqualTo("Usernames are 3–20 characters: lowercase letters, digits, _ and -."));
            Assert.That(await App.CountUsersAsync(), Is.EqualTo(users));
        }
    }

    [Test]
    public async Task Register_refuses_a_too_short_password()
    {
        var users = await App.CountUsersAsync();
        using var web = App.NewSession();
        var user = TestUser.Create();

        var page = await RegisterFailsAsync(web, user.Email, user.Username, "short12");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.FieldError("Input.Password"), Is.EqualTo("Passwords must be at least 8 characters."));
            Assert.That(await App.CountUsersAsync(), Is.EqualTo(users));
        }
    }

    [Test]
    public async Task Register_without_the_antiforgery_token_is_rejected_with_400()
    {
        var users = await App.CountUsersAsync();
        using var web = App.NewSession();
        var user = TestUser.Create();
        var form = await web.GetPageAsync(AccountSteps.RegisterPath);

        using var response = await web.SubmitAsync(form, fields: new Dictionary<string, string?>
        {
            ["Input.Email"] = user.Email,
            ["Input.Username"] = user.Username,
            ["Input.Password"] = user.Password,
            ["__RequestVerificationToken"] = null,
        });

        var page = await HtmlPage.ParseAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(page.TestId("error-page")?.TextContent, Does.Contain("Bad request"), "shown in our layout");
            Assert.That(await App.CountUsersAsync(), Is.EqualTo(users));
            Assert.That(web.IsSignedIn, Is.False);
        }
    }

    private static string Capitalized(string username) => username[..1].ToUpperInvariant() + username[1..];

    /// <summary>Posts the form and checks it comes back (200, same page, not signed in) rather than redirecting.</summary>
    private static async Task<HtmlPage> RegisterFailsAsync(WebSession web, string email, string username, string password)
    {
        using var response = await web.PostRegisterAsync(email, username, password);
        var page = await HtmlPage.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the form is shown again with its errors");
        Assert.That(web.IsSignedIn, Is.False);
        return page;
    }
}
