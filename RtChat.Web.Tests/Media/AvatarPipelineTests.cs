using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RtChat.Web.Media;
using RtChat.Web.Media.ImageMagick;

namespace RtChat.Web.Tests.Media;

/// <summary>The avatar pipeline against the real Magick.NET: what comes out, and what never gets in.</summary>
public sealed class AvatarPipelineTests
{
    private static readonly byte[] Red = [220, 20, 20];
    private static readonly byte[] Blue = [20, 20, 220];

    private MagickImageProcessor _images = null!;

    [OneTimeSetUp]
    public void CreateProcessor()
    {
        _images = new MagickImageProcessor(new MediaOptions(), NullLogger<MagickImageProcessor>.Instance);
        Assert.That(_images.IsAvailable, "Magick.NET must load with the app's policy");
    }

    [OneTimeTearDown]
    public void DisposeProcessor() => _images.Dispose();

    [Test]
    public async Task Jpeg_with_exif_orientation_and_gps_becomes_an_upright_256px_webp_without_metadata()
    {
        // Stored 300×200 with a blue band along the top; orientation 6 means "turn 90° clockwise to view",
        // so the viewer sees 200×300 with the band down the right side.
        var stored = TestImages.Encode("JPEG", 300, 200, (_, y) => y < 60 ? Blue : Red);
        var upload = TestImages.WithExif(stored, orientation: 6, gps: (48.8584, 2.2945));
        Assert.That(TestImages.Inspect(upload).Properties, Does.Contain("exif:Orientation").And.Contain("exif:GPSLatitude"),
            "the fixture carries the metadata the pipeline must remove");

        var avatar = await _images.MakeAvatarAsync(upload, CancellationToken.None);

        Assert.That((avatar.ContentType, avatar.Width, avatar.Height, avatar.Extension), Is.EqualTo(("image/webp", 256, 256, "webp")));
        var info = TestImages.Inspect(avatar.Bytes);
        Assert.That((info.Format, info.Width, info.Height), Is.EqualTo(("WEBP", 256, 256)));
        Assert.That(TestImages.PixelAt(avatar.Bytes, 245, 128).IsRoughly(0.09, 0.09, 0.86), Is.True, "the band is on the right");
        Assert.That(TestImages.PixelAt(avatar.Bytes, 10, 128).IsRoughly(0.86, 0.09, 0.09), Is.True, "the left is red");
        Assert.That(TestImages.PixelAt(avatar.Bytes, 128, 10).IsRoughly(0.86, 0.09, 0.09), Is.True, "the top is red");
        Assert.That(TestImages.WebpChunks(avatar.Bytes), Has.None.AnyOf("EXIF", "XMP", "ICCP"));
        Assert.That(info.Profiles, Is.Empty);
        Assert.That(info.Properties, Has.None.StartsWith("exif:"));
        Assert.That(Encoding.ASCII.GetString(avatar.Bytes), Does.Not.Contain("Exif").And.Not.Contain("GPS"));
    }

    [Test]
    public async Task Png_with_alpha_keeps_its_transparency()
    {
        var upload = TestImages.Encode("PNG", 100, 100, (x, _) => x < 50 ? [0, 0, 0, 0] : [20, 200, 20, 255], map: "RGBA");

        var avatar = await _images.MakeAvatarAsync(upload, CancellationToken.None);

        Assert.That((TestImages.Inspect(avatar.Bytes).Format, avatar.Width, avatar.Height), Is.EqualTo(("WEBP", 256, 256)));
        Assert.That(TestImages.PixelAt(avatar.Bytes, 20, 128).A, Is.LessThan(0.1), "the left half stays transparent");
        var right = TestImages.PixelAt(avatar.Bytes, 230, 128);
        Assert.That((right.A, right.IsRoughly(0.08, 0.78, 0.08)), Is.EqualTo((1.0, true)), $"the right half stays opaque green: {right}");
    }

    [Test]
    public async Task Animated_gif_becomes_its_first_frame()
    {
        var upload = TestImages.EncodeFrames("GIF", [(64, 64, (_, _) => Red), (64, 64, (_, _) => Blue), (64, 64, (_, _) => Blue)]);
        Assert.That(TestImages.Inspect(upload).Frames, Is.EqualTo(3));

        var avatar = await _images.MakeAvatarAsync(upload, CancellationToken.None);

        var info = TestImages.Inspect(avatar.Bytes);
        Assert.That((info.Format, info.Frames, info.Width, info.Height), Is.EqualTo(("WEBP", 1, 256, 256)));
        Assert.That(TestImages.WebpChunks(avatar.Bytes), Has.None.AnyOf("ANIM", "ANMF"));
        Assert.That(TestImages.PixelAt(avatar.Bytes, 128, 128).IsRoughly(0.86, 0.08, 0.08), Is.True);
    }

    [Test]
    public async Task Webp_is_accepted()
    {
        var upload = TestImages.Encode("WEBP", 640, 480, (_, _) => Blue);

        var avatar = await _images.MakeAvatarAsync(upload, CancellationToken.None);

        Assert.That((avatar.Width, avatar.Height), Is.EqualTo((256, 256)));
    }

    [Test]
    public async Task Small_image_is_scaled_up_to_the_avatar_size()
    {
        var avatar = await _images.MakeAvatarAsync(TestImages.Encode("PNG", 40, 30, (_, _) => Red), CancellationToken.None);

        Assert.That((avatar.Width, avatar.Height), Is.EqualTo((256, 256)));
    }

    [TestCaseSource(typeof(HostileImages), nameof(HostileImages.Refused))]
    public void Hostile_upload_is_refused(byte[] upload, string message) =>
        Assert.That(async () => await _images.MakeAvatarAsync(upload, CancellationToken.None),
            Throws.TypeOf<ImageRejectedException>().With.Message.EqualTo(message));

    [Test]
    public void Cancelled_request_stops_the_work()
    {
        var upload = TestImages.Encode("PNG", 50, 50, (_, _) => Red);

        Assert.That(async () => await _images.MakeAvatarAsync(upload, new CancellationToken(canceled: true)),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Burst_of_uploads_all_succeed_while_only_a_few_run_at_once()
    {
        using var images = new MagickImageProcessor(new MediaOptions { MaxConcurrentImages = 2 }, NullLogger<MagickImageProcessor>.Instance);
        var upload = TestImages.Encode("JPEG", 800, 600, (x, y) => [(byte)x, (byte)y, 90]);

        var avatars = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => images.MakeAvatarAsync(upload, CancellationToken.None)));

        Assert.That(avatars.Select(a => (a.Width, a.Height)), Is.All.EqualTo((256, 256)));
    }

    [Test]
    public void Image_taking_longer_than_the_timeout_is_abandoned()
    {
        using var images = new MagickImageProcessor(new MediaOptions { ImageTimeout = TimeSpan.Zero }, NullLogger<MagickImageProcessor>.Instance);
        var upload = TestImages.Encode("PNG", 400, 300, (x, y) => [(byte)x, (byte)y, 90]);

        Assert.That(async () => await images.MakeAvatarAsync(upload, CancellationToken.None),
            Throws.TypeOf<ImageRejectedException>().With.Message.EqualTo("The image took too long to process; try a smaller one."));
    }
}
