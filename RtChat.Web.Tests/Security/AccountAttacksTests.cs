using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Security;

/// <summary>Attacks on the account pages: reading someone's address, poisoning mailed links, probing who has an account.</summary>
public sealed class AccountAttacksTests : AppFixture
{
    private const string ConfirmPath = "/Identity/Account/ConfirmEmail";
    private const string JunkCode = "Zm9yZ2Vk";

    [Test]
    public async Task Confirm_link_with_a_junk_code_reveals_nothing_about_the_account()
    {
        using var victimWeb = App.NewSession();
        var victim = TestUser.Create("victim");
        await victimWeb.RegisterAsync(victim);
        await victimWeb.GetPageAsync((await App.Mailbox.WaitForMailAsync(victim.Email)).Link.PathAndQuery);
        var victimId = (await App.FindUserByEmailAsync(victim.Email))!.Id;
        using var attacker = App.NewSession();

        var known = await attacker.GetPageAsync($"{ConfirmPath}?userId={victimId}&code={JunkCode}");
        var unknown = await attacker.GetPageAsync($"{ConfirmPath}?userId={Guid.NewGuid()}&code={JunkCode}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(known.Text, Does.Not.Contain(victim.Email));
            Assert.That(known.Flashes, Is.EqualTo(unknown.Flashes), "a confirmed account answers like no account");
            Assert.That(known.PathAndQuery, Is.EqualTo(unknown.PathAndQuery));
        }
    }

    [Test]
    public async Task Reset_link_ignores_a_poisoned_host_header()
    {
        var victim = TestUser.Create("victim");
        using (var signUp = App.NewSession()) await signUp.RegisterAsync(victim);
        using var attacker = App.NewSession();
        var form = await attacker.GetPageAsync("/Identity/Account/ForgotPassword");
        var fields = WebSession.FieldsOf(form.Form());
        fields["Email"] = victim.Email;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/ForgotPassword") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Host = "attacker.example";

        using var response = await attacker.SendAsync(post);

        var reset = await App.Mailbox.WaitForMailAsync(victim.Email, count: 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(reset.Subject, Is.EqualTo("Reset your password"));
            Assert.That(reset.Link.GetLeftPart(UriPartial.Authority), Is.EqualTo(App.BaseAddress.GetLeftPart(UriPartial.Authority)));
            Assert.That(reset.Raw, Does.Not.Contain("attacker.example"));
        }
    }

    [Test]
    public async Task Sign_up_with_a_taken_address_answers_as_if_it_worked_and_mails_the_owner()
    {
        var owner = TestUser.Create("owner");
        using (var first = App.NewSession()) await first.RegisterAsync(owner);
        var users = await App.CountUsersAsync();
        var fresh = TestUser.Create("fresh");
        var prober = TestUser.Create("prober");
        using var freshWeb = App.NewSession();
        using var proberWeb = App.NewSession();

        using var withFreeAddress = await freshWeb.PostRegisterAsync(fresh.Email, fresh.Username, fresh.Password);
        using var withTakenAddress = await proberWeb.PostRegisterAsync(owner.Email.ToUpperInvariant(), prober.Username, prober.Password);

        var warning = await App.Mailbox.WaitForMailAsync(owner.Email, count: 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(withTakenAddress.StatusCode, Is.EqualTo(withFreeAddress.StatusCode));
            Assert.That(withTakenAddress.Headers.Location, Is.EqualTo(withFreeAddress.Headers.Location));
            Assert.That(await App.CountUsersAsync(), Is.EqualTo(users + 1), "only the free address made an account");
            Assert.That(warning.Subject, Is.EqualTo("Someone tried to sign up with your address"));
            Assert.That(warning.Raw, Does.Not.Contain("ConfirmEmail"), "no link that would confirm anything");
        }
    }

    [Test]
    public async Task Lockout_answers_the_same_for_an_account_that_does_not_exist()
    {
        var real = TestUser.Create("real");
        using (var signUp = App.NewSession()) await signUp.RegisterAsync(real);
        using var attacker = App.NewSession();

        var forReal = await LockedOutAnswerAsync(attacker, real.Username);
        var forNobody = await LockedOutAnswerAsync(attacker, TestUser.Create("nobody").Username);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forReal, Does.StartWith("Too many failed attempts"));
            Assert.That(forNobody, Is.EqualTo(forReal));
        }
    }

    /// <summary>What the login form says after one attempt more than the lockout allows.</summary>
    private static async Task<string> LockedOutAnswerAsync(WebSession web, string login)
    {
        for (var attempt = 0; attempt < RtChat.Web.Areas.Identity.AccountsSetup.MaxFailedLogins; attempt++)
            using (await web.PostLoginAsync(login, $"wrong-password-{attempt}")) { }
        using var last = await web.PostLoginAsync(login, "wrong-password-again");
        return string.Join(" | ", (await HtmlPage.ParseAsync(last)).SummaryErrors);
    }
}
