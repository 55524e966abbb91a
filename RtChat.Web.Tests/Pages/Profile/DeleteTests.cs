using System.Net;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Tests.Media;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Profile;

/// <summary><c>/profile/delete</c>: says what goes, then deletes the account and everything hanging on it.</summary>
public sealed class DeleteTests : AppFixture
{
    private static readonly Upload Avatar = new("me.png", "image/png", TestImages.Encode("PNG", 40, 40, (_, _) => [10, 120, 200]));

    [Test]
    public async Task Deleting_while_signed_out_redirects_to_login()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync(ProfileSteps.DeletePath);

        AccountSteps.AssertRedirectsToLogin(response);
    }

    [Test]
    public async Task The_confirmation_says_what_goes_and_offers_a_way_back()
    {
        using var web = App.NewSession();
        var user = TestUser.Create("leaver");
        await web.RegisterAsync(user);

        var page = await web.GetPageAsync(ProfileSteps.DeletePath);

        var items = page.Document.QuerySelectorAll("main li").Select(li => li.TextContent.Trim()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Document.QuerySelector("main h1")?.TextContent, Is.EqualTo("Delete your account?"));
            Assert.That(page.Text, Does.Contain(user.Username));
            Assert.That(items, Has.Some.Contains("profile").And.Some.Contains("avatar"));
            Assert.That(items, Has.Some.Contains("every chat"));
            Assert.That(items, Has.Some.Contains("every message").And.Some.Contains("files"));
            Assert.That(page.Form().GetAttribute("method"), Is.EqualTo("post"));
            Assert.That(page.Document.QuerySelector("main a[href='/profile/settings']")?.TextContent, Is.EqualTo("Keep it"));
            Assert.That(await App.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == user.Username)), Is.True, "looking deletes nothing");
        }
    }

    [Test]
    public async Task Deleting_removes_the_user_profile_memberships_messages_and_avatar_file_and_signs_out()
    {
        var other = TestUser.Create("stayer");
        using var theirs = App.NewSession();
        await theirs.RegisterAsync(other);
        using var web = App.NewSession();
        var user = TestUser.Create("leaver");
        await web.RegisterAsync(user);
        var userId = await App.UserIdAsync(user);
        var avatar = await web.UploadAvatarAsync(App, user, Avatar);
        var group = await App.CreateGroupAsync(user, other); // the leaver is its admin
        await (await web.OpenComposerAsync()).SendAsync("A message from the leaver");
        await (await web.OpenComposerAsync(group)).SendAsync("A group message from the leaver");
        await (await theirs.OpenComposerAsync()).SendAsync("A message from the one who stays");
        await (await theirs.OpenComposerAsync(group)).SendAsync("A group message from the one who stays");
        var confirm = await web.GetPageAsync(ProfileSteps.DeletePath);

        using var deleted = await web.SubmitAsync(confirm);
        var landed = await web.FollowAsync(deleted);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(landed.PathAndQuery, Is.EqualTo(AccountSteps.LoginPath));
            Assert.That(landed.Flashes, Does.Contain("Your account and everything in it have been deleted. Goodbye!"));
            Assert.That(web.IsSignedIn, Is.False, "signed out");
            Assert.That(landed.HeaderName(), Is.Null);

            Assert.That(await App.QueryAsync(db => db.Users.AnyAsync(u => u.Id == userId)), Is.False, "the user");
            Assert.That(await App.QueryAsync(db => db.Profiles.AnyAsync(p => p.UserId == userId)), Is.False, "the profile");
            Assert.That(await App.QueryAsync(db => db.Memberships.AnyAsync(m => m.UserId == userId)), Is.False, "the memberships");
            Assert.That(await App.QueryAsync(db => db.Messages.AnyAsync(m => m.AuthorId == userId)), Is.False, "the messages");
            Assert.That(File.Exists(App.MediaPath(avatar)), Is.False, "the avatar file");

            Assert.That(await App.HasMessageAsync("A message from the one who stays"), Is.True, "other people's messages stay");
            Assert.That(await App.HasMessageAsync("A group message from the one who stays"), Is.True);
            Assert.That(await App.QueryAsync(db => db.Rooms.Where(r => r.Name == group).Select(r => new { r.AdminId }).SingleOrDefaultAsync()),
                Is.Not.Null.And.Property("AdminId").Null, "the group outlives its admin");
            Assert.That(await App.QueryAsync(db => db.Profiles.AnyAsync(p => p.User.UserName == other.Username)), Is.True);
        }
    }

    [Test]
    public async Task A_deleted_account_cannot_log_in_and_its_profile_is_gone()
    {
        using var web = App.NewSession();
        var user = TestUser.Create("leaver");
        await web.RegisterAsync(user);
        var confirm = await web.GetPageAsync(ProfileSteps.DeletePath);
        using (await web.SubmitAsync(confirm)) { }
        using var viewer = App.NewSession();
        await viewer.RegisterAsync(TestUser.Create("viewer"));

        using var stranger = App.NewSession();
        using var login = await stranger.PostLoginAsync(user.Username, user.Password);
        var loginPage = await HtmlPage.ParseAsync(login);
        using var profile = await viewer.GetAsync("/u/" + user.Username);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the login form again");
            Assert.That(loginPage.SummaryErrors, Does.Contain("The username, email or password is incorrect."));
            Assert.That(profile.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task The_username_and_email_of_a_deleted_account_can_be_used_again()
    {
        var user = TestUser.Create("leaver");
        using (var web = App.NewSession())
        {
            await web.RegisterAsync(user);
            using (await web.SubmitAsync(await web.GetPageAsync(ProfileSteps.DeletePath))) { }
        }
        using var again = App.NewSession();

        var page = await again.RegisterAsync(user);

        Assert.That(page.HeaderName(), Is.EqualTo(user.Username));
    }
}
