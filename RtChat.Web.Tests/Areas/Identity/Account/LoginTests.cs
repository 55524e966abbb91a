using System.Net;
using RtChat.Web.Areas.Identity;
using RtChat.Web.Areas.Identity.Pages.Account;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Identity.Account;

public sealed class LoginTests : AppFixture
{
    [Test]
    public async Task Logs_out_then_logs_in_by_username_and_by_email()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);

        var loggedOut = await web.LogoutAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.IsSignedIn, Is.False);
            Assert.That(loggedOut.TestId("header-name"), Is.Null);
            Assert.That(loggedOut.Flashes, Does.Contain("You have logged out."));
        }

        var byUsername = await web.FollowAsync(await web.PostLoginAsync(user.Username, user.Password));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.IsSignedIn, Is.True);
            Assert.That(byUsername.PathAndQuery, Is.EqualTo("/"));
            Assert.That(byUsername.TestId("header-name")?.TextContent, Is.EqualTo(user.Username));
        }

        await web.LogoutAsync();
        Assert.That(web.IsSignedIn, Is.False);

        var byEmail = await web.FollowAsync(await web.PostLoginAsync(user.Email.ToUpperInvariant(), user.Password));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(web.IsSignedIn, Is.True);
            Assert.That(byEmail.TestId("header-name")?.TextContent, Is.EqualTo(user.Username));
        }
    }

    [Test]
    public async Task Login_by_username_ignores_case_and_surrounding_spaces()
    {
        var user = TestUser.Create();
        using (var signUp = App.NewSession()) await signUp.RegisterAsync(user);
        using var web = App.NewSession();

        using var response = await web.PostLoginAsync($"  {user.Username.ToUpperInvariant()} ", user.Password);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(WebSession.SetsCookie(response, WebSession.AuthCookie), Is.True);
            Assert.That(web.IsSignedIn, Is.True);
        }
    }

    [Test]
    public async Task Login_with_a_wrong_password_shows_one_vague_message()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);
        await web.LogoutAsync();

        using var response = await web.PostLoginAsync(user.Username, "not-the-password");

        var page = await HtmlPage.ParseAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.SummaryErrors, Is.EqualTo(new[] { LoginModel.WrongCredentials }));
            Assert.That(web.IsSignedIn, Is.False);
        }
    }

    [Test]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);
        await web.LogoutAsync();

        for (var attempt = 1; attempt <= AccountsSetup.MaxFailedLogins; attempt++)
        {
            using var wrong = await web.PostLoginAsync(user.Username, $"wrong-password-{attempt}");
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"attempt {attempt} is refused");
        }

        using var right = await web.PostLoginAsync(user.Username, user.Password);

        var page = await HtmlPage.ParseAsync(right);
        var stored = await App.FindUserByEmailAsync(user.Email);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK), "no redirect into the app");
            Assert.That(page.SummaryErrors.Single(), Does.StartWith("Too many failed attempts: this account is locked. Try again in 5 minutes"));
            Assert.That(WebSession.SetsCookie(right, WebSession.AuthCookie), Is.False, "no auth cookie is issued");
            Assert.That(web.IsSignedIn, Is.False);
            Assert.That(stored?.LockoutEnd, Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(4)));
        }
    }

    [Test]
    public async Task Login_keeps_the_return_url_and_refuses_to_leave_the_site()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);
        await web.LogoutAsync();

        using var response = await web.PostLoginAsync(user.Username, user.Password,
            AccountSteps.LoginPath + "?ReturnUrl=" + Uri.EscapeDataString("https://evil.example/phish"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/"));
        }
    }
}
