using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Profile;

/// <summary>Changing the email from the settings page: the new address holds until its link is opened.</summary>
public sealed class EmailChangeTests : AppFixture
{
    [Test]
    public async Task A_new_address_gets_a_confirmation_link_the_old_one_a_notice_and_nothing_changes_until_it_is_opened()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);
        var newEmail = "new_" + user.Email;

        using var response = await web.RequestEmailChangeAsync(newEmail);

        var confirmation = await App.Mailbox.WaitForMailAsync(newEmail);
        var notice = await App.Mailbox.WaitForMailAsync(user.Email, count: 2); // the sign-up confirmation came first
        var settings = await web.GetPageAsync(SettingsSteps.SettingsPath);
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
            Assert.That(await App.CanLogInAsync(user.Email, user.Password), Is.True, "the old address still logs in");
            Assert.That(await App.CanLogInAsync(newEmail, user.Password), Is.False, "the new one not yet");
        }
    }

    [Test]
    public async Task Opening_the_link_makes_the_new_address_the_confirmed_email_and_tells_the_old_one()
    {
        using var web = App.NewSession();
        var (user, newEmail, link) = await RequestChangeAsync(web);

        using var opened = await web.GetAsync(link.PathAndQuery);
        var settings = await web.FollowAsync(opened);

        var changed = await App.Mailbox.WaitForMailAsync(user.Email, count: 3);
        var stored = await App.FindUserByEmailAsync(newEmail);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(opened.Headers.Location?.ToString(), Is.EqualTo(SettingsSteps.SettingsPath).IgnoreCase);
            Assert.That(settings.PathAndQuery, Is.EqualTo(SettingsSteps.SettingsPath).IgnoreCase, "still signed in");
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
            Assert.That(await App.CanLogInAsync(newEmail, user.Password), Is.True);
            Assert.That(await App.CanLogInAsync(user.Email, user.Password), Is.False, "the old address no longer logs in");
        }

        var again = await web.GetPageAsync(link.PathAndQuery);
        Assert.That(again.Flashes, Has.Some.Contains("This link is invalid"), "a link works once");
    }

    [Test]
    public async Task The_link_works_from_another_browser_too()
    {
        using var web = App.NewSession();
        var (user, newEmail, link) = await RequestChangeAsync(web);
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
        var (user, newEmail, link) = await RequestChangeAsync(web);
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
        var (user, newEmail, link) = await RequestChangeAsync(web);
        var pending = await web.GetPageAsync(SettingsSteps.SettingsPath);

        using var cancelled = await web.SubmitAsync(pending, "[data-testid='pending-email'] form", htmx: true);
        var settings = await web.GetPageAsync(SettingsSteps.SettingsPath);
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

    /// <summary>A new user in <paramref name="web"/> asks to move to a new address; returns the link mailed there.</summary>
    private async Task<(TestUser User, string NewEmail, Uri Link)> RequestChangeAsync(WebSession web)
    {
        var user = TestUser.Create();
        await web.RegisterAsync(user);
        var newEmail = "new_" + user.Email;
        using (await web.RequestEmailChangeAsync(newEmail)) { }
        return (user, newEmail, (await App.Mailbox.WaitForMailAsync(newEmail)).Link);
    }
}
