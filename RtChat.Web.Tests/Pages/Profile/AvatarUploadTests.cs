using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Tests.Media;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Profile;

/// <summary>
/// Images through the real upload handler (<c>POST /profile/edit</c>, multipart, antiforgery): what gets stored, and
/// what is refused with a clear error while the old avatar stays and no file is left behind.
/// </summary>
public sealed class AvatarUploadTests : AppFixture
{
    private static readonly byte[] Red = [220, 20, 20];
    private static readonly byte[] Blue = [20, 20, 220];

    private const string NotAnImage = "Only JPEG, PNG, GIF or WebP images are accepted.";
    private const string Damaged = "The image could not be read; it may be damaged.";
    private const string TooManyPixels = "The image is too large: at most 8192 pixels a side and 40 megapixels.";
    private const string TooLarge = "The file is larger than 10 MB.";

    /// <summary>
    /// Records, per request carrying <see cref="FormReadProbe.Header"/>, whether anything read the body as a whole form
    /// (<c>Request.ReadFormAsync</c>, which buffers every file to memory or a temp file) before the response was done.
    /// </summary>
    private sealed class FormReadProbe : IStartupFilter
    {
        public const string Header = "X-Test-Probe";
        public static readonly ConcurrentDictionary<string, bool> FormWasRead = new();

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate nextMiddleware) =>
            {
                await nextMiddleware(context);
                if (context.Request.Headers.TryGetValue(Header, out var probe))
                    FormWasRead[probe.ToString()] = context.Features.Get<IFormFeature>()?.Form is not null;
            });
            next(app);
        };
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IStartupFilter, FormReadProbe>();

    private static readonly Upload Original = new("original.png", "image/png", TestImages.Encode("PNG", 32, 32, (_, _) => [90, 90, 90]));

    private static async Task<TestUser> SignUpAsync(WebSession web)
    {
        var user = TestUser.Create("upload");
        await web.RegisterAsync(user);
        return user;
    }

    /// <summary>Uploads <paramref name="file"/> and returns the stored avatar's bytes, read back through /media.</summary>
    private async Task<byte[]> StoredAvatarAsync(Upload file)
    {
        using var web = App.NewSession();
        var user = await SignUpAsync(web);
        var key = await web.UploadAvatarAsync(App, user, file);
        using var served = await web.GetAsync("/media/" + key);
        Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.That(bytes, Is.EqualTo(await File.ReadAllBytesAsync(App.MediaPath(key))), "/media serves the stored file");
        return bytes;
    }

    [Test]
    public async Task A_jpeg_with_exif_orientation_6_and_gps_is_stored_as_an_upright_256px_webp_without_metadata()
    {
        // Stored 300×200 with a blue band along the top; orientation 6 means "turn 90° clockwise to view",
        // so upright the band runs down the right side.
        var jpeg = TestImages.WithExif(TestImages.Encode("JPEG", 300, 200, (_, y) => y < 60 ? Blue : Red), orientation: 6, gps: (48.8584, 2.2945));
        Assert.That(TestImages.Inspect(jpeg).Properties, Does.Contain("exif:Orientation").And.Contain("exif:GPSLatitude"), "the fixture carries the metadata");

        var avatar = await StoredAvatarAsync(new Upload("holiday.jpg", "image/jpeg", jpeg));

        var info = TestImages.Inspect(avatar);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((info.Format, info.Width, info.Height, info.Frames), Is.EqualTo(("WEBP", 256, 256, 1)));
            Assert.That(TestImages.PixelAt(avatar, 245, 128).IsRoughly(0.09, 0.09, 0.86), Is.True, "the band is on the right: rotated");
            Assert.That(TestImages.PixelAt(avatar, 10, 128).IsRoughly(0.86, 0.09, 0.09), Is.True, "the left is red");
            Assert.That(TestImages.PixelAt(avatar, 128, 10).IsRoughly(0.86, 0.09, 0.09), Is.True, "the top is red");
            Assert.That(TestImages.WebpChunks(avatar), Has.None.AnyOf("EXIF", "XMP", "ICCP"));
            Assert.That(info.Profiles, Is.Empty);
            Assert.That(info.Properties, Has.None.StartsWith("exif:"));
            Assert.That(Encoding.ASCII.GetString(avatar), Does.Not.Contain("Exif").And.Not.Contain("GPS"));
        }
    }

    [Test]
    public async Task A_png_with_alpha_is_accepted_and_keeps_its_transparency()
    {
        var png = TestImages.Encode("PNG", 100, 100, (x, _) => x < 50 ? [0, 0, 0, 0] : [20, 200, 20, 255], map: "RGBA");

        var avatar = await StoredAvatarAsync(new Upload("alpha.png", "image/png", png));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestImages.Inspect(avatar) is { Format: "WEBP", Width: 256, Height: 256 }, Is.True);
            Assert.That(TestImages.PixelAt(avatar, 20, 128).A, Is.LessThan(0.1), "the left half stays transparent");
            Assert.That(TestImages.PixelAt(avatar, 230, 128).A, Is.GreaterThan(0.9), "the right half stays opaque");
        }
    }

    [Test]
    public async Task An_animated_gif_is_accepted_as_its_first_frame()
    {
        var gif = TestImages.EncodeFrames("GIF", [(64, 64, (_, _) => Red), (64, 64, (_, _) => Blue), (64, 64, (_, _) => Blue)]);
        Assert.That(TestImages.Inspect(gif).Frames, Is.EqualTo(3));

        var avatar = await StoredAvatarAsync(new Upload("dance.gif", "image/gif", gif));

        var info = TestImages.Inspect(avatar);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((info.Format, info.Frames, info.Width, info.Height), Is.EqualTo(("WEBP", 1, 256, 256)));
            Assert.That(TestImages.WebpChunks(avatar), Has.None.AnyOf("ANIM", "ANMF"));
            Assert.That(TestImages.PixelAt(avatar, 128, 128).IsRoughly(0.86, 0.08, 0.08), Is.True, "the first (red) frame");
        }
    }

    /// <summary>Only the bytes reach ImageMagick; its policy would refuse these names if they did.</summary>
    [TestCase("text:@etc-passwd.png")]
    [TestCase("msl:avatar.png")]
    [TestCase("ephemeral:avatar.png")]
    [TestCase("url:avatar.png")]
    public async Task A_file_named_like_an_imagemagick_pseudo_file_is_stored_from_its_bytes(string name)
    {
        var avatar = await StoredAvatarAsync(new Upload(name, "image/png", TestImages.Encode("PNG", 40, 40, (_, _) => Blue)));

        Assert.That(TestImages.Inspect(avatar).Format, Is.EqualTo("WEBP"));
    }

    private static IEnumerable<TestCaseData> HostileUploads()
    {
        yield return new TestCaseData(new Upload("avatar.svg", "image/svg+xml", Encoding.UTF8.GetBytes(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(document.cookie)</script></svg>")), NotAnImage)
            .SetName("An_svg_is_refused");
        yield return new TestCaseData(new Upload("avatar.png", "image/png", Encoding.UTF8.GetBytes(
                "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>")), NotAnImage)
            .SetName("Html_renamed_to_png_is_refused");
        yield return new TestCaseData(new Upload("avatar.jpg", "image/jpeg", Encoding.UTF8.GetBytes(
                "push graphic-context\nviewbox 0 0 640 480\nfill 'url(https://127.0.0.1/x.jpg\"|touch \"/tmp/rtchat-pwned)'\npop graphic-context\n")), NotAnImage)
            .SetName("An_ImageTragick_mvg_payload_is_refused");
        var jpeg = TestImages.Encode("JPEG", 300, 200, (x, y) => [(byte)x, (byte)y, (byte)(x ^ y)]);
        yield return new TestCaseData(new Upload("cut.jpg", "image/jpeg", jpeg[..(jpeg.Length / 2)]), Damaged)
            .SetName("A_truncated_jpeg_is_refused_as_damaged");
        yield return new TestCaseData(new Upload("bomb.png", "image/png", HeaderOnlyImages.Png(50_000, 50_000)), TooManyPixels)
            .SetName("A_png_claiming_50000_by_50000_pixels_is_refused");
    }

    [TestCaseSource(nameof(HostileUploads))]
    public async Task Hostile_upload_is_refused_keeping_the_old_avatar_and_the_typed_text_and_leaving_no_file(Upload hostile, string error) =>
        await AssertRefusedAsync(hostile, error, htmx: false);

    [Test]
    public async Task An_11_mb_file_answers_with_the_form_the_error_and_the_typed_text() =>
        await AssertRefusedAsync(ElevenMegabytes(), TooLarge, htmx: false);

    [Test]
    public async Task An_11_mb_file_sent_by_htmx_answers_with_the_form_the_error_and_the_typed_text() =>
        await AssertRefusedAsync(ElevenMegabytes(), TooLarge, htmx: true);

    [Test]
    public async Task An_oversized_upload_sent_by_htmx_is_refused_without_the_whole_body_being_buffered()
    {
        using var web = App.NewSession();
        await SignUpAsync(web);
        var page = await web.GetPageAsync(ProfileSteps.EditPath);
        var probe = Guid.NewGuid().ToString("N");

        using var refused = await web.SubmitMultipartAsync(page, ElevenMegabytes(), new Dictionary<string, string?> { ["DisplayName"] = "Typed name" },
            htmx: true, headers: new Dictionary<string, string> { [FormReadProbe.Header] = probe });

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)refused.StatusCode, Is.EqualTo(422));
            Assert.That(FormReadProbe.FormWasRead.TryGetValue(probe, out var read) ? read : (bool?)null, Is.False,
                "the antiforgery token travels in a header, so nothing needs the whole form: the file is read up to the limit, then drained");
        }
    }

    /// <summary>A real JPEG at the start, padded to 11 MB: only its size is wrong.</summary>
    private static Upload ElevenMegabytes()
    {
        var bytes = new byte[11 * 1024 * 1024];
        TestImages.Encode("JPEG", 10, 10, (_, _) => Red).CopyTo(bytes, 0);
        return new Upload("huge.jpg", "image/jpeg", bytes);
    }

    private async Task AssertRefusedAsync(Upload hostile, string error, bool htmx)
    {
        using var web = App.NewSession();
        var user = await SignUpAsync(web);
        var old = await web.UploadAvatarAsync(App, user, Original);
        var filesBefore = App.MediaFiles();

        using var refused = await web.SaveProfileAsync(hostile, displayName: "Typed name", info: "Typed info\nsecond line", htmx: htmx);
        var page = await HtmlPage.ParseAsync(refused);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)refused.StatusCode, Is.EqualTo(422), "the form again, not an error page");
            Assert.That(page.Document.QuerySelector(ProfileSteps.FormSelector), Is.Not.Null);
            Assert.That(page.AvatarError(), Is.EqualTo(error));
            Assert.That(page.Document.QuerySelector("#DisplayName")?.GetAttribute("value"), Is.EqualTo("Typed name"));
            Assert.That(page.Document.QuerySelector("#Info")?.TextContent, Is.EqualTo("Typed info\nsecond line"));
            Assert.That(page.Document.QuerySelector("[data-avatar-preview]")?.GetAttribute("src"), Is.EqualTo("/media/" + old), "the old avatar");
            Assert.That(await App.AvatarKeyAsync(user), Is.EqualTo(old));
            Assert.That(File.Exists(App.MediaPath(old)), Is.True, "the old file is kept");
            Assert.That(App.MediaFiles(), Is.EqualTo(filesBefore), "no file left behind");
        }
    }
}
