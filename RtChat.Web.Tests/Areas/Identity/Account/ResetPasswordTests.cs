using System.Net;
using RtChat.Web.Areas.Identity;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Identity.Account;

public sealed class ResetPasswordTests : AppFixture
{
    [Test]
    public async Task Reset_link_from_the_forgot_password_mail_sets_the_new_password_and_the_old_one_stops_working()
    {
        var user = TestUser.Create();
        using (var signUp = App.NewSession()) await signUp.RegisterAsync(user);
        using var web = App.NewSession();
        const string newPassword = "brand-new-secret-7";

        var forgot = await web.GetPageAsync("/Identity/Account/ForgotPassword");
        var sent = await web.SubmitAndFollowAsync(forgot, fields: new Dictionary<string, string?> { ["Email"] = user.Email });
        Assert.That(sent.PathAndQuery, Is.EqualTo("/Identity/Account/ForgotPasswordConfirmation"));

        var mail = await App.Mailbox.WaitForMailAsync(user.Email, count: 2); // the confirmation mail came first
        Assert.That(mail.Subject, Is.EqualTo("Reset your password"));

        var reset = await web.GetPageAsync(mail.Link.PathAndQuery);
        var login = await web.SubmitAndFollowAsync(reset, fields: new Dictionary<string, string?>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = newPassword,
        });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(login.PathAndQuery, Is.EqualTo(AccountSteps.LoginPath));
            Assert.That(login.Flashes, Does.Contain("Your password has been reset. Log in with the new one."));
        }

        using var withOld = await web.PostLoginAsync(user.Username, user.Password);
        Assert.That(withOld.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the old password is refused");
        Assert.That(web.IsSignedIn, Is.False);

        using var withNew = await web.PostLoginAsync(user.Username, newPassword);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(withNew.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(web.IsSignedIn, Is.True);
        }
    }

    [Test]
    public async Task Resetting_the_password_lifts_a_lockout()
    {
        var user = TestUser.Create();
        using (var signUp = App.NewSession()) await signUp.RegisterAsync(user);
        using var web = App.NewSession();
        for (var attempt = 1; attempt <= AccountsSetup.MaxFailedLogins; attempt++)
            (await web.PostLoginAsync(user.Username, "wrong-password")).Dispose();
        Assert.That((await App.FindUserByEmailAsync(user.Email))?.LockoutEnd, Is.GreaterThan(DateTimeOffset.UtcNow), "locked before the reset");
        const string newPassword = "after-lockout-3";

        var forgot = await web.GetPageAsync("/Identity/Account/ForgotPassword");
        await web.SubmitAndFollowAsync(forgot, fields: new Dictionary<string, string?> { ["Email"] = user.Email });
        var reset = await web.GetPageAsync((await App.Mailbox.WaitForMailAsync(user.Email, count: 2)).Link.PathAndQuery);
        await web.SubmitAndFollowAsync(reset, fields: new Dictionary<string, string?>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = newPassword,
        });
        using var login = await web.PostLoginAsync(user.Username, newPassword);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(web.IsSignedIn, Is.True);
        }
    }

    [Test]
    public async Task A_reset_link_only_works_for_the_address_it_was_sent_to()
    {
        var user = TestUser.Create();
        var other = TestUser.Create("other");
        using (var signUp = App.NewSession()) await signUp.RegisterAsync(user);
        using (var signUp = App.NewSession()) await signUp.RegisterAsync(other);
        using var web = App.NewSession();

        var forgot = await web.GetPageAsync("/Identity/Account/ForgotPassword");
        await web.SubmitAndFollowAsync(forgot, fields: new Dictionary<string, string?> { ["Email"] = user.Email });
        var reset = await web.GetPageAsync((await App.Mailbox.WaitForMailAsync(user.Email, count: 2)).Link.PathAndQuery);
        using var response = await web.SubmitAsync(reset, fields: new Dictionary<string, string?>
        {
            ["Input.Email"] = other.Email,
            ["Input.Password"] = "hijacked-pass-1",
        });

        var page = await HtmlPage.ParseAsync(response);
        using var otherLogin = await web.PostLoginAsync(other.Username, other.Password);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.SummaryErrors, Does.Contain("This reset link is invalid or has expired for that address. Ask for a new one."));
            Assert.That(otherLogin.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the other account keeps its password");
        }
    }

    [Test]
    public async Task Forgot_password_for_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        using var web = App.NewSession();
        var stranger = TestUser.Create("nobody");

        var forgot = await web.GetPageAsync("/Identity/Account/ForgotPassword");
        var sent = await web.SubmitAndFollowAsync(forgot, fields: new Dictionary<string, string?> { ["Email"] = stranger.Email });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent.PathAndQuery, Is.EqualTo("/Identity/Account/ForgotPasswordConfirmation"));
            Assert.That(App.Mailbox.To(stranger.Email), Is.Empty);
        }
    }
}
