using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Identity.Account;

public sealed class ConfirmEmailTests : AppFixture
{
    [Test]
    public async Task A_tampered_confirmation_link_leaves_the_email_unconfirmed_and_offers_a_new_one()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);
        var userId = (await App.FindUserByEmailAsync(user.Email))!.Id;

        var page = await web.GetPageAsync($"/Identity/Account/ConfirmEmail?userId={userId}&code=Zm9yZ2Vk");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.PathAndQuery, Is.EqualTo("/Identity/Account/ResendEmailConfirmation"));
            Assert.That(page.Flashes, Does.Contain("This confirmation link is invalid or has expired. Ask for a new one below."));
            Assert.That((await App.FindUserByEmailAsync(user.Email))?.EmailConfirmed, Is.False);
        }
    }

    [Test]
    public async Task Opening_the_confirmation_link_again_says_the_email_is_already_confirmed()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);
        var link = (await App.Mailbox.WaitForMailAsync(user.Email)).Link.PathAndQuery;
        await web.GetPageAsync(link);

        var again = await web.GetPageAsync(link);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.PathAndQuery, Is.EqualTo("/"));
            Assert.That(again.Flashes, Does.Contain($"{user.Email} is already confirmed."));
        }
    }

    [Test]
    public async Task The_confirmation_link_works_in_a_browser_that_is_not_signed_in()
    {
        var user = TestUser.Create();
        using (var signUp = App.NewSession()) await signUp.RegisterAsync(user);
        var link = (await App.Mailbox.WaitForMailAsync(user.Email)).Link.PathAndQuery;
        using var web = App.NewSession();

        var page = await web.GetPageAsync(link);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Flashes, Does.Contain($"Thanks! {user.Email} is confirmed."));
            Assert.That((await App.FindUserByEmailAsync(user.Email))?.EmailConfirmed, Is.True);
        }
    }
}
