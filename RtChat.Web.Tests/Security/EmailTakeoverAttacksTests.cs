using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Security;

/// <summary>Taking an account over by moving its email address, from a stolen session; learning others' addresses.</summary>
public sealed class EmailTakeoverAttacksTests : AppFixture
{
    private const string NoticeSubject = "Your email address is about to change";

    /// <summary>Every request re-checks the security stamp, so an ended session ends on its next request.</summary>
    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

    [TestCase(null)]
    [TestCase("wrong-password-1")]
    public async Task Email_change_from_a_stolen_session_without_the_password_is_refused(string? password)
    {
        var (stolen, victim) = await App.SignedUpAsync("victim");
        using var _ = stolen;
        var attackerEmail = TestUser.Create("attacker").Email;

        using var response = await stolen.RequestEmailChangeAsync(attackerEmail, password);

        var fragment = await HtmlPage.ParseAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the form comes back");
            Assert.That(fragment.FieldError("CurrentPassword"), Is.Not.Empty);
            Assert.That((await App.FindUserByEmailAsync(victim.Email))?.PendingEmail, Is.Null);
            Assert.That(App.Mailbox.To(attackerEmail), Is.Empty);
        }
    }

    [Test]
    public async Task Pending_change_is_cancelled_from_the_link_mailed_to_the_old_address()
    {
        var (stolen, victim) = await App.SignedUpAsync("victim");
        using var _ = stolen;
        var attackerEmail = TestUser.Create("attacker").Email;
        using (await stolen.RequestEmailChangeAsync(attackerEmail)) { }
        var confirmLink = (await App.Mailbox.WaitForMailAsync(attackerEmail)).Link;

        var cancelled = await CancelFromNoticeAsync(victim);
        var afterCancel = await stolen.GetPageAsync(confirmLink.PathAndQuery);

        var stored = await App.FindUserByEmailAsync(victim.Email);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cancelled.Flashes, Has.Some.Contains("cancelled"));
            Assert.That(stored?.PendingEmail, Is.Null);
            Assert.That(afterCancel.Flashes, Has.Some.Contains("invalid"), "the new address's link no longer works");
            Assert.That(await App.FindUserByEmailAsync(attackerEmail), Is.Null);
        }
    }

    [Test]
    public async Task Confirmed_change_is_reverted_from_the_old_address_and_every_session_ends()
    {
        var (stolen, victim) = await App.SignedUpAsync("victim");
        using var _ = stolen;
        await stolen.GetPageAsync((await App.Mailbox.WaitForMailAsync(victim.Email)).Link.PathAndQuery);
        var attackerEmail = TestUser.Create("attacker").Email;
        using (await stolen.RequestEmailChangeAsync(attackerEmail)) { }
        await stolen.GetPageAsync((await App.Mailbox.WaitForMailAsync(attackerEmail)).Link.PathAndQuery);
        Assert.That((await App.FindUserByEmailAsync(attackerEmail))?.EmailConfirmed, Is.True, "the takeover went through");

        var reverted = await CancelFromNoticeAsync(victim);
        using var afterRevert = await stolen.GetAsync(SettingsSteps.SettingsPath);

        var stored = await App.FindUserByEmailAsync(victim.Email);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reverted.Flashes, Has.Some.Contains(victim.Email));
            Assert.That(stored?.EmailConfirmed, Is.True, "the old address comes back as confirmed as it was");
            Assert.That(await App.FindUserByEmailAsync(attackerEmail), Is.Null);
            AccountSteps.AssertRedirectsToLogin(afterRevert);
        }
    }

    [Test]
    public async Task Email_change_to_another_accounts_address_answers_as_if_it_worked_and_mails_that_owner()
    {
        var owner = TestUser.Create("owner");
        using (var theirs = App.NewSession()) await theirs.RegisterAsync(owner);
        var (prober, _) = await App.SignedUpAsync("prober");
        using var __ = prober;
        var freeEmail = TestUser.Create("free").Email;

        using var toFree = await prober.RequestEmailChangeAsync(freeEmail);
        using var toTaken = await prober.RequestEmailChangeAsync(owner.Email);

        var settings = await prober.GetPageAsync(SettingsSteps.SettingsPath);
        var toOwner = await App.Mailbox.WaitForMailAsync(owner.Email, count: 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(toTaken.StatusCode, Is.EqualTo(toFree.StatusCode));
            Assert.That(settings.Flashes, Does.Contain($"We sent a confirmation link to {owner.Email}. Your current address keeps working until you open it."));
            Assert.That(settings.Text, Does.Not.Contain("used by another account"));
            Assert.That(toOwner.Subject, Is.EqualTo("Someone asked to use your address"));
            Assert.That(toOwner.Raw, Does.Not.Contain("/profile/confirm-email"));
        }
    }

    /// <summary>Opens the cancel link of the newest notice to <paramref name="victim"/>'s address in a fresh browser and confirms.</summary>
    private async Task<HtmlPage> CancelFromNoticeAsync(TestUser victim)
    {
        var notice = App.Mailbox.To(victim.Email).Last(m => m.Subject == NoticeSubject);
        using var mailbox = App.NewSession();
        var page = await mailbox.GetPageAsync(notice.Link.PathAndQuery);
        return await mailbox.SubmitAndFollowAsync(page);
    }
}
