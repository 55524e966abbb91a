using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Identity;

public sealed class IdentityPagesTests : AppFixture
{
    [TestCase("/Identity/Account/Manage")]
    [TestCase("/Identity/Account/Manage/Email")]
    [TestCase("/Identity/Account/Manage/PersonalData")]
    [TestCase("/Identity/Account/Manage/DeletePersonalData")]
    [TestCase("/Identity/Account/Manage/TwoFactorAuthentication")]
    [TestCase("/Identity/Account/ConfirmEmailChange?userId=x&email=y%40example.com&code=Q2ZESjhJWnRD)")]
    [TestCase("/Identity/Account/RegisterConfirmation?email=y%40example.com")]
    [TestCase("/Identity/Account/LoginWith2fa")]
    [TestCase("/Identity/Account/ExternalLogin")]
    public async Task Identity_library_pages_the_app_does_not_offer_answer_404_even_when_signed_in(string url)
    {
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());

        using var response = await web.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("/Identity/Account/Login")]
    [TestCase("/Identity/Account/Register")]
    [TestCase("/Identity/Account/ForgotPassword")]
    [TestCase("/Identity/Account/ResendEmailConfirmation")]
    [TestCase("/Identity/Account/AccessDenied")]
    public async Task Account_pages_we_offer_open_for_visitors(string url)
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
