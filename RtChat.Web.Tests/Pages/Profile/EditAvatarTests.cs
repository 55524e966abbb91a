using System.Net;
using System.Text;
using RtChat.Web.Tests.Media;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Profile;

/// <summary>The avatar chosen on <c>/profile/edit</c>: stored, served, replaced, and refused without loss.</summary>
public sealed class EditAvatarTests : AppFixture
{
    private static readonly Upload Jpeg = new("me.jpg", "image/jpeg", TestImages.Encode("JPEG", 120, 90, (x, _) => x < 60 ? [200, 30, 30] : [30, 30, 200]));
    private static readonly Upload OtherJpeg = new("me-again.jpg", "image/jpeg", TestImages.Encode("JPEG", 64, 64, (_, _) => [30, 160, 30]));
    private static readonly Upload Svg = new("me.svg", "image/svg+xml",
        Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>"));

    [Test]
    public async Task A_valid_jpeg_becomes_the_avatar_served_as_webp_with_nosniff_and_an_immutable_cache_header()
    {
        using var web = App.NewSession();
        await web.SignUpNewUserAsync();

        using var saved = await web.SaveProfileAsync(Jpeg);
        var profile = await web.FollowAsync(saved);
        var url = profile.HeaderAvatarUrl();
        using var image = await web.GetAsync(url ?? "/media/none");
        var bytes = await image.Content.ReadAsByteArrayAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(url, Does.Match("^/media/[0-9a-f]{32}\\.webp$"));
            Assert.That(profile.TestId("profile")?.QuerySelector("img.avatar")?.GetAttribute("src"), Is.EqualTo(url), "the profile shows it too");
            Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(image.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/webp"));
            Assert.That(image.Headers.TryGetValues("X-Content-Type-Options", out var sniff) ? sniff.Single() : null, Is.EqualTo("nosniff"));
            Assert.That(image.Headers.CacheControl?.MaxAge, Is.GreaterThanOrEqualTo(TimeSpan.FromDays(365)));
            Assert.That(image.Headers.CacheControl?.Extensions.Select(e => e.Name), Does.Contain("immutable"));
            Assert.That(image.Content.Headers.ContentDisposition, Is.Null, "shown inline, not downloaded");
            Assert.That(TestImages.Inspect(bytes) is { Format: "WEBP", Width: 256, Height: 256 }, Is.True);
        }
    }

    [Test]
    public async Task Stored_avatars_are_not_served_to_anonymous_visitors()
    {
        using var web = App.NewSession();
        var user = await web.SignUpNewUserAsync();
        var key = await web.UploadAvatarAsync(App, user, Jpeg);
        using var anonymous = App.NewSession();

        using var response = await anonymous.GetAsync("/media/" + key);

        AccountSteps.AssertRedirectsToLogin(response);
    }

    [Test]
    public async Task Uploading_a_second_avatar_deletes_the_first_file()
    {
        using var web = App.NewSession();
        var user = await web.SignUpNewUserAsync();
        var first = await web.UploadAvatarAsync(App, user, Jpeg);
        Assert.That(File.Exists(App.MediaPath(first)), Is.True, "the first avatar is stored");

        var second = await web.UploadAvatarAsync(App, user, OtherJpeg);

        using var gone = await web.GetAsync("/media/" + first);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.Not.EqualTo(first), "a new key for new content");
            Assert.That(File.Exists(App.MediaPath(first)), Is.False, "the replaced file is deleted");
            Assert.That(File.Exists(App.MediaPath(second)), Is.True);
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await web.GetPageAsync("/profile")).HeaderAvatarUrl(), Is.EqualTo("/media/" + second));
        }
    }

    [Test]
    public async Task Saving_without_choosing_a_file_keeps_the_avatar()
    {
        using var web = App.NewSession();
        var user = await web.SignUpNewUserAsync();
        var key = await web.UploadAvatarAsync(App, user, Jpeg);

        using var saved = await web.SaveProfileAsync(null, displayName: "Still me");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(await App.AvatarKeyAsync(user), Is.EqualTo(key));
            Assert.That(File.Exists(App.MediaPath(key)), Is.True);
        }
    }

    [Test]
    public async Task A_rejected_upload_shows_the_error_and_the_typed_text_and_keeps_the_old_avatar()
    {
        using var web = App.NewSession();
        var user = await web.SignUpNewUserAsync();
        var old = await web.UploadAvatarAsync(App, user, Jpeg);
        var filesBefore = App.MediaFiles();

        using var refused = await web.SaveProfileAsync(Svg, displayName: "Typed name", info: "Typed info");
        var page = await HtmlPage.ParseAsync(refused);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)refused.StatusCode, Is.EqualTo(422));
            Assert.That(page.AvatarError(), Is.EqualTo("Only JPEG, PNG, GIF or WebP images are accepted."));
            Assert.That(page.Document.QuerySelector("#DisplayName")?.GetAttribute("value"), Is.EqualTo("Typed name"));
            Assert.That(page.Document.QuerySelector("#Info")?.TextContent, Is.EqualTo("Typed info"));
            Assert.That(page.Document.QuerySelector("[data-avatar-preview]")?.GetAttribute("src"), Is.EqualTo("/media/" + old));
            Assert.That(page.HeaderAvatarUrl(), Is.EqualTo("/media/" + old));
            Assert.That(await App.AvatarKeyAsync(user), Is.EqualTo(old));
            Assert.That(App.MediaFiles(), Is.EqualTo(filesBefore), "no new file, the old one kept");
            Assert.That((await web.GetPageAsync("/profile")).HeaderName(), Is.EqualTo(user.Username), "the typed name was not saved");
        }
    }

    [Test]
    public async Task After_a_rejected_upload_the_header_still_shows_the_saved_name_not_the_typed_one()
    {
        using var web = App.NewSession();
        var user = await web.SignUpNewUserAsync();

        using var refused = await web.SaveProfileAsync(Svg, displayName: "Typed name");
        var page = await HtmlPage.ParseAsync(refused);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)refused.StatusCode, Is.EqualTo(422));
            Assert.That(page.HeaderName(), Is.EqualTo(user.Username), "nothing was saved, so the header has nothing new to show");
            Assert.That(page.Document.QuerySelector("#DisplayName")?.GetAttribute("value"), Is.EqualTo("Typed name"), "the form keeps what was typed");
        }
    }

    [Test]
    public async Task A_rejected_upload_with_htmx_answers_the_form_fragment_for_the_swap()
    {
        using var web = App.NewSession();
        var user = await web.SignUpNewUserAsync();

        using var refused = await web.SaveProfileAsync(Svg, displayName: "Typed name", htmx: true);
        var page = await HtmlPage.ParseAsync(refused);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)refused.StatusCode, Is.EqualTo(422), "the layout's htmx-config swaps 422");
            Assert.That(page.Document.QuerySelector(ProfileSteps.FormSelector), Is.Not.Null, "hx-select picks the form from the answer");
            Assert.That(page.AvatarError(), Is.EqualTo("Only JPEG, PNG, GIF or WebP images are accepted."));
            Assert.That(page.Document.QuerySelector("#DisplayName")?.GetAttribute("value"), Is.EqualTo("Typed name"));
            Assert.That(await App.AvatarKeyAsync(user), Is.Null);
        }
    }
}
