using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Identity.Account.Manage;

public sealed class ChangePasswordTests : AppFixture
{
    private const string ChangePassword = "/Identity/Account/Manage/ChangePassword";

    [Test]
    public async Task Change_password_replaces_the_old_password_and_keeps_you_signed_in()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);
        const string newPassword = "another-secret-42";

        var form = await web.GetPageAsync(ChangePassword);
        var done = await web.SubmitAndFollowAsync(form, fields: new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = newPassword,
        });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(done.PathAndQuery, Is.EqualTo(ChangePassword));
            Assert.That(done.Flashes, Does.Contain("Your password has been changed."));
            Assert.That(done.TestId("header-name")?.TextContent, Is.EqualTo(user.Username));
        }

        await web.LogoutAsync();
        using var withOld = await web.PostLoginAsync(user.Username, user.Password);
        Assert.That(web.IsSignedIn, Is.False, "the old password no longer works");
        using var withNew = await web.PostLoginAsync(user.Username, newPassword);
        Assert.That(web.IsSignedIn, Is.True, "the new one does");
    }

    [Test]
    public async Task Change_password_with_a_wrong_current_password_says_so_beside_the_field()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);

        var form = await web.GetPageAsync(ChangePassword);
        using var response = await web.SubmitAsync(form, fields: new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = "not-my-password",
            ["Input.NewPassword"] = "another-secret-42",
        });

        var page = await HtmlPage.ParseAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.FieldError("Input.CurrentPassword"), Is.EqualTo("The current password is incorrect."));
        }
    }

    [Test]
    public async Task Change_password_while_signed_out_asks_to_log_in()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync(ChangePassword);

        AccountSteps.AssertRedirectsToLogin(response);
    }
}
