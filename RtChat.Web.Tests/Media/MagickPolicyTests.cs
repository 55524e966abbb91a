using System.Text;
using ImageMagick;
using Microsoft.Extensions.Logging.Abstractions;
using RtChat.Web.Media;
using RtChat.Web.Media.ImageMagick;

namespace RtChat.Web.Tests.Media;

/// <summary>
/// The app's ImageMagick policy, proven on Magick.NET directly (the pipeline never lets these bytes or names get this
/// far): coders other than JPEG, PNG, GIF and WebP are refused before they read a byte, and so are pseudo-file names.
/// </summary>
public sealed class MagickPolicyTests
{
    /// <summary>A valid 2×1 24-bit BMP: without the policy ImageMagick decodes it.</summary>
    private static readonly byte[] Bmp = Convert.FromBase64String("Qk0+AAAAAAAAADYAAAAoAAAAAgAAAAEAAAABABgAAAAAAAgAAAAAAAAAAAAAAAAAAAAAAAAA/wAAAP8AAAA=");

    private static readonly byte[] Svg = Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>""");

    private static readonly byte[] Mvg = Encoding.ASCII.GetBytes("push graphic-context\nviewbox 0 0 10 10\nfill red\nrectangle 0,0 9,9\npop graphic-context\n");

    [OneTimeSetUp]
    public void InstallThePolicy() => Assert.That(MagickLibrary.Status.IsAvailable, MagickLibrary.Status.Description);

    private static IEnumerable<TestCaseData> OtherCoders()
    {
        yield return new TestCaseData(Bmp, MagickFormat.Bmp).SetName("A_valid_bmp_is_refused_by_the_policy");
        yield return new TestCaseData(Svg, MagickFormat.Svg).SetName("A_valid_svg_is_refused_by_the_policy");
        yield return new TestCaseData(Mvg, MagickFormat.Mvg).SetName("A_valid_mvg_is_refused_by_the_policy");
        yield return new TestCaseData(Encoding.ASCII.GetBytes("hello"), MagickFormat.Text).SetName("Text_is_refused_by_the_policy");
    }

    [TestCaseSource(nameof(OtherCoders))]
    public void Coder_other_than_the_four_is_refused(byte[] image, MagickFormat coder) =>
        Assert.That(() => new MagickImage(image, new MagickReadSettings { Format = coder }), Throws.TypeOf<MagickPolicyErrorException>());

    [TestCase("JPEG")]
    [TestCase("PNG")]
    [TestCase("GIF")]
    [TestCase("WEBP")]
    public void The_four_coders_read_and_write(string format)
    {
        var coder = Enum.Parse<MagickFormat>(format, ignoreCase: true);
        var bytes = TestImages.Encode(format, 8, 6, (_, _) => [200, 30, 30]);

        using var image = new MagickImage(bytes, new MagickReadSettings { Format = coder });

        Assert.That((image.Width, image.Height), Is.EqualTo((8, 6)));
    }

    [TestCase("text:@/etc/passwd")]
    [TestCase("msl:/etc/passwd")]
    [TestCase("url:http://127.0.0.1:9/avatar.png")]
    [TestCase("png:/etc/passwd")]
    public void Pseudo_file_name_reads_nothing(string name) =>
        Assert.That(() => new MagickImage(name), Throws.TypeOf<MagickPolicyErrorException>());

    [TestCase("text:@/etc/passwd")]
    [TestCase("msl:/etc/passwd")]
    [TestCase("ephemeral:/etc/passwd")]
    [TestCase("url:http://127.0.0.1:9/avatar.png")]
    public void Upload_whose_bytes_are_a_pseudo_file_name_is_refused_unread(string name)
    {
        using var images = new MagickImageProcessor(new MediaOptions(), NullLogger<MagickImageProcessor>.Instance);

        Assert.That(async () => await images.MakeAvatarAsync(Encoding.UTF8.GetBytes(name), CancellationToken.None),
            Throws.TypeOf<ImageRejectedException>().With.Message.EqualTo("Only JPEG, PNG, GIF or WebP images are accepted."));
    }

    [Test]
    public void Ephemeral_name_neither_reads_nor_deletes_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rtchat-ephemeral-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, TestImages.Encode("PNG", 4, 4, (_, _) => [1, 2, 3]));
        try
        {
            Assert.That(() => new MagickImage("ephemeral:" + path), Throws.TypeOf<MagickPolicyErrorException>());
            Assert.That(File.Exists(path), Is.True);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
