using Microsoft.Extensions.Logging.Abstractions;
using RtChat.Web.Media;
using RtChat.Web.Media.ImageMagick;

namespace RtChat.Web.Tests.Media;

/// <summary>The chat picture pipeline against the real Magick.NET: upright, stripped, capped WebP and thumbnail; the avatar's refusals.</summary>
public sealed class ChatPicturePipelineTests
{
    private static readonly byte[] Red = [220, 20, 20];
    private static readonly byte[] Blue = [20, 20, 220];

    private MagickImageProcessor _images = null!;

    [OneTimeSetUp]
    public void CreateProcessor() =>
        _images = new MagickImageProcessor(new MediaOptions { ChatImageMaxSide = 400, ThumbnailSide = 100 }, NullLogger<MagickImageProcessor>.Instance);

    [OneTimeTearDown]
    public void DisposeProcessor() => _images.Dispose();

    [Test]
    public async Task A_jpeg_with_exif_orientation_and_gps_becomes_upright_capped_webps_without_metadata()
    {
        // Stored 1200×800, blue band along the top; orientation 6 turns it 90° clockwise: 800×1200 upright, band on the right.
        var upload = TestImages.WithExif(TestImages.Encode("JPEG", 1200, 800, (_, y) => y < 200 ? Blue : Red), orientation: 6, gps: (48.8584, 2.2945));

        var picture = await _images.MakeChatPictureAsync(upload, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((picture.Full.Width, picture.Full.Height), Is.EqualTo((267, 400)), "the longest side capped, upright");
            Assert.That((picture.Thumbnail.Width, picture.Thumbnail.Height), Is.EqualTo((67, 100)));
            foreach (var image in new[] { picture.Full, picture.Thumbnail })
            {
                var info = TestImages.Inspect(image.Bytes);
                Assert.That((info.Format, info.Width, info.Height, image.ContentType), Is.EqualTo(("WEBP", image.Width, image.Height, "image/webp")));
                Assert.That(TestImages.WebpChunks(image.Bytes), Has.None.AnyOf("EXIF", "XMP", "ICCP"));
                Assert.That(info.Properties, Has.None.StartsWith("exif:"));
            }
            Assert.That(TestImages.PixelAt(picture.Full.Bytes, 250, 200).IsRoughly(0.09, 0.09, 0.86), Is.True, "the band is on the right: turned");
            Assert.That(TestImages.PixelAt(picture.Full.Bytes, 20, 200).IsRoughly(0.86, 0.09, 0.09), Is.True);
            Assert.That(picture.WasAnimated, Is.False);
        }
    }

    [Test]
    public async Task A_small_picture_is_not_enlarged()
    {
        var picture = await _images.MakeChatPictureAsync(TestImages.Encode("PNG", 80, 30, (_, _) => Red), CancellationToken.None);

        Assert.That((picture.Full.Width, picture.Full.Height, picture.Thumbnail.Width, picture.Thumbnail.Height), Is.EqualTo((80, 30, 80, 30)));
    }

    [TestCase(300, 200)]
    [TestCase(390, 260)]
    public async Task A_jpeg_under_the_cap_keeps_its_size(int width, int height)
    {
        var jpeg = TestImages.Encode("JPEG", width, height, (x, y) => [(byte)x, (byte)y, 60]);

        var picture = await _images.MakeChatPictureAsync(jpeg, CancellationToken.None);

        Assert.That((picture.Full.Width, picture.Full.Height), Is.EqualTo((width, height)), "decoded as it is, never scaled up");
    }

    [TestCase(3200, 1600, 400, 200)]
    [TestCase(1000, 700, 400, 280)]
    [TestCase(2999, 2001, 400, 267)]
    public async Task A_large_jpeg_is_decoded_small_but_never_under_the_cap(int width, int height, int storedWidth, int storedHeight)
    {
        var jpeg = TestImages.Encode("JPEG", width, height, (x, y) => [(byte)(x / 13), (byte)(y / 7), 60]);

        var picture = await _images.MakeChatPictureAsync(jpeg, CancellationToken.None);

        Assert.That((picture.Full.Width, picture.Full.Height), Is.EqualTo((storedWidth, storedHeight)));
    }

    [Test]
    public async Task A_png_keeps_its_transparency()
    {
        var png = TestImages.Encode("PNG", 200, 100, (x, _) => x < 100 ? [0, 0, 0, 0] : [20, 200, 20, 255], map: "RGBA");

        var picture = await _images.MakeChatPictureAsync(png, CancellationToken.None);

        Assert.That(TestImages.PixelAt(picture.Full.Bytes, 20, 50).A, Is.LessThan(0.1));
        Assert.That(TestImages.PixelAt(picture.Full.Bytes, 180, 50).A, Is.GreaterThan(0.9));
    }

    [Test]
    public async Task An_animated_gif_becomes_its_first_frame_marked_as_animated()
    {
        var gif = TestImages.EncodeFrames("GIF", [(64, 64, (_, _) => Red), (64, 64, (_, _) => Blue)]);

        var picture = await _images.MakeChatPictureAsync(gif, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(picture.WasAnimated, Is.True);
            Assert.That(TestImages.Inspect(picture.Full.Bytes).Frames, Is.EqualTo(1));
            Assert.That(TestImages.WebpChunks(picture.Full.Bytes), Has.None.AnyOf("ANIM", "ANMF"));
            Assert.That(TestImages.PixelAt(picture.Full.Bytes, 32, 32).IsRoughly(0.86, 0.08, 0.08), Is.True, "the first (red) frame");
        }
    }

    [Test]
    public async Task A_still_gif_is_not_marked()
    {
        var picture = await _images.MakeChatPictureAsync(TestImages.Encode("GIF", 20, 20, (_, _) => Blue), CancellationToken.None);

        Assert.That(picture.WasAnimated, Is.False);
    }

    [TestCaseSource(typeof(HostileImages), nameof(HostileImages.Refused))]
    public void Hostile_upload_is_refused(byte[] upload, string message) =>
        Assert.That(async () => await _images.MakeChatPictureAsync(upload, CancellationToken.None),
            Throws.TypeOf<ImageRejectedException>().With.Message.EqualTo(message));
}
