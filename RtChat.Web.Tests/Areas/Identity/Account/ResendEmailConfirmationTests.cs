using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Identity.Account;

public sealed class ResendEmailConfirmationTests : AppFixture
{
    [Test]
    public async Task Resend_from_the_verify_banner_sends_another_confirmation_mail_whose_link_works()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        var home = await web.RegisterAsync(user);
        await App.Mailbox.WaitForMailAsync(user.Email);

        var back = await web.SubmitAndFollowAsync(home, "[data-testid='verify-banner'] form");

        var second = await App.Mailbox.WaitForMailAsync(user.Email, count: 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(back.PathAndQuery, Is.EqualTo(home.PathAndQuery), "the banner sends you back where you were");
            Assert.That(back.Flashes, Does.Contain($"We sent a new confirmation link to {user.Email}."));
            Assert.That(second.Subject, Is.EqualTo("Confirm your email address"));
        }

        var confirmed = await web.GetPageAsync(second.Link.PathAndQuery);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(confirmed.TestId("verify-banner"), Is.Null);
            Assert.That((await App.FindUserByEmailAsync(user.Email))?.EmailConfirmed, Is.True);
        }
    }

    [Test]
    public async Task Resend_form_while_signed_out_mails_an_unconfirmed_address_and_answers_alike_for_unknown_ones()
    {
        var user = TestUser.Create();
        using (var signUp = App.NewSession()) await signUp.RegisterAsync(user);
        await App.Mailbox.WaitForMailAsync(user.Email);
        var stranger = TestUser.Create("nobody");
        using var web = App.NewSession();

        var known = await ResendAsync(web, user.Email);
        var unknown = await ResendAsync(web, stranger.Email);

        var second = await App.Mailbox.WaitForMailAsync(user.Email, count: 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(known.PathAndQuery, Is.EqualTo(AccountSteps.LoginPath));
            Assert.That(known.Flashes, Does.Contain($"If an unconfirmed account uses {user.Email}, a new confirmation link is on its way."));
            Assert.That(unknown.PathAndQuery, Is.EqualTo(AccountSteps.LoginPath));
            Assert.That(unknown.Flashes, Does.Contain($"If an unconfirmed account uses {stranger.Email}, a new confirmation link is on its way."));
            Assert.That(second.Subject, Is.EqualTo("Confirm your email address"));
            Assert.That(App.Mailbox.To(stranger.Email), Is.Empty);
        }
    }

    private static async Task<HtmlPage> ResendAsync(WebSession web, string email)
    {
        var form = await web.GetPageAsync("/Identity/Account/ResendEmailConfirmation");
        return await web.SubmitAndFollowAsync(form, fields: new Dictionary<string, string?> { ["Email"] = email });
    }
}
