using System.Globalization;
using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Profile;

public sealed class IndexTests : AppFixture
{
    [Test]
    public async Task Own_profile_shows_your_username_and_a_settings_link()
    {
        using var web = App.NewSession();
        var user = TestUser.Create();
        await web.RegisterAsync(user);

        var profile = await web.GetPageAsync("/profile");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(profile.Document.QuerySelector("main h1")?.TextContent, Is.EqualTo(user.Username));
            Assert.That(profile.Document.QuerySelector("main a[href='/profile/settings']"), Is.Not.Null);
        }
    }

    [Test]
    public async Task Someone_elses_profile_is_found_by_username_in_any_case_without_their_settings_link()
    {
        var other = TestUser.Create("other");
        using (var theirs = App.NewSession()) await theirs.RegisterAsync(other);
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());

        var profile = await web.GetPageAsync("/u/" + other.Username.ToUpperInvariant());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(profile.Document.QuerySelector("main h1")?.TextContent, Is.EqualTo(other.Username));
            Assert.That(profile.Document.QuerySelector("main a[href='/profile/settings']"), Is.Null);
        }
    }

    [Test]
    public async Task An_unknown_username_answers_our_404()
    {
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());

        using var response = await web.GetAsync("/u/nobody_by_that_name");

        var page = await HtmlPage.ParseAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(page.TestId("error-page"), Is.Not.Null);
        }
    }

    [Test]
    public async Task Own_profile_offers_edit_and_settings_and_no_message_button()
    {
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());

        var profile = await web.GetPageAsync("/profile");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile.Document.QuerySelector("main a[href='/profile/edit']")?.TextContent, Is.EqualTo("Edit profile"));
            Assert.That(profile.Document.QuerySelector("main a[href='/profile/settings']")?.TextContent, Is.EqualTo("Settings"));
            Assert.That(profile.TestId("message-button"), Is.Null);
        }
    }

    [Test]
    public async Task Someone_elses_profile_shows_their_name_username_info_member_since_and_a_message_button()
    {
        var other = TestUser.Create("other");
        using (var theirs = App.NewSession())
        {
            await theirs.RegisterAsync(other);
            using var saved = await theirs.SaveProfileAsync(null, displayName: "Olivia O.", info: "Likes <b>bold</b> claims.\nAnd tea.");
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the profile is saved");
        }
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());

        var profile = await web.GetPageAsync("/u/" + other.Username);

        var since = profile.TestId("profile")?.QuerySelector("time");
        var joined = DateTimeOffset.Parse(since?.GetAttribute("datetime") ?? "2000-01-01", CultureInfo.InvariantCulture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(profile.TestId("display-name")?.TextContent, Is.EqualTo("Olivia O."));
            Assert.That(profile.TestId("username")?.TextContent, Is.EqualTo("@" + other.Username));
            Assert.That(profile.TestId("info")?.TextContent, Is.EqualTo("Likes <b>bold</b> claims.\nAnd tea."), "shown as typed, not as markup");
            Assert.That(profile.TestId("info")?.Children, Is.Empty);
            Assert.That(profile.TestId("profile")?.TextContent, Does.Contain("Member since " + joined.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)));
            Assert.That(joined, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(5)), "they joined just now");
            Assert.That(profile.TestId("profile")?.QuerySelector("img.avatar")?.GetAttribute("alt"), Is.EqualTo("Olivia O.'s avatar"));
            Assert.That(profile.TestId("profile")?.QuerySelector("img.avatar")?.GetAttribute("src"), Is.EqualTo("/images/avatar.svg"));
            Assert.That(profile.TestId("message-button")?.TextContent.Trim(), Is.EqualTo("Message"));
            Assert.That(profile.Document.QuerySelector("main a[href='/profile/edit']"), Is.Null);
            Assert.That(profile.Document.Title, Does.StartWith("Olivia O."));
        }
    }

    [Test]
    public async Task The_message_button_opens_a_private_chat_with_them()
    {
        var other = TestUser.Create("other");
        using (var theirs = App.NewSession()) await theirs.RegisterAsync(other);
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());
        var profile = await web.GetPageAsync("/u/" + other.Username);

        var chat = await web.SubmitAndFollowAsync(profile);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile.Form("main form").GetAttribute("action"), Is.EqualTo("/chat/start/" + other.Username));
            Assert.That(chat.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(chat.PathAndQuery, Does.StartWith("/chat/room/"));
        }
    }

    [Test]
    public async Task A_profile_without_info_shows_no_empty_info_block()
    {
        var other = TestUser.Create("other");
        using (var theirs = App.NewSession()) await theirs.RegisterAsync(other);
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());

        var profile = await web.GetPageAsync("/u/" + other.Username);

        Assert.That(profile.TestId("info"), Is.Null);
    }

    [TestCase("/profile")]
    [TestCase("/u/someone")]
    public async Task Profiles_while_signed_out_redirect_to_login_and_back(string path)
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync(path);

        using (Assert.EnterMultipleScope())
        {
            AccountSteps.AssertRedirectsToLogin(response);
            Assert.That(response.Headers.Location?.Query, Is.EqualTo("?ReturnUrl=" + Uri.EscapeDataString(path)));
        }
    }
}
