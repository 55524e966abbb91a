using System.Text;
using RtChat.Web.Media;

namespace RtChat.Web.Tests.Media;

public sealed class ImageSnifferTests
{
    [TestCase(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, ImageFormat.Jpeg)]
    [TestCase(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, ImageFormat.Png)]
    [TestCase(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x37, 0x61 }, ImageFormat.Gif)]
    [TestCase(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, ImageFormat.Gif)]
    [TestCase(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, ImageFormat.WebP)]
    public void Magic_bytes_name_the_format(byte[] start, ImageFormat format) =>
        Assert.That(ImageSniffer.Detect(start), Is.EqualTo(format));

    [TestCase("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [TestCase("<?xml version=\"1.0\"?><svg/>")]
    [TestCase("push graphic-context\nviewbox 0 0 640 480")]
    [TestCase("<?xml version=\"1.0\"?><image><read filename=\"x.png\"/></image>")] // MSL
    [TestCase("%!PS-Adobe-3.0")]
    [TestCase("%PDF-1.7")]
    [TestCase("BM")] // BMP
    [TestCase("8BPS")] // PSD
    [TestCase("RIFF\0\0\0\0AVI ")]
    [TestCase("GIF88a")]
    [TestCase("")]
    public void Anything_else_is_not_an_image(string start) =>
        Assert.That(ImageSniffer.Detect(Encoding.Latin1.GetBytes(start)), Is.Null);

    [Test]
    public void Ico_is_not_an_image() => Assert.That(ImageSniffer.Detect([0, 0, 1, 0, 1, 0]), Is.Null);

    [TestCase("PNG", 123, 45)]
    [TestCase("JPEG", 123, 45)]
    [TestCase("GIF", 123, 45)]
    [TestCase("WEBP", 123, 45)]
    public void Header_size_is_read_without_decoding(string format, int width, int height)
    {
        var image = TestImages.Encode(format, width, height, (_, _) => [10, 20, 30]);

        Assert.That(ImageHeader.ClaimedSize(image, ImageSniffer.Detect(image)!.Value), Is.EqualTo((width, height)));
    }

    [Test]
    public void Header_size_of_a_jpeg_is_found_past_its_exif() =>
        Assert.That(ImageHeader.ClaimedSize(TestImages.WithExif(TestImages.Encode("JPEG", 30, 20, (_, _) => [1, 2, 3]), 6, (1, 2)), ImageFormat.Jpeg),
            Is.EqualTo((30, 20)));

    [Test]
    public void Header_size_of_a_huge_png_claim_is_read_as_claimed() =>
        Assert.That(ImageHeader.ClaimedSize(HeaderOnlyImages.Png(50_000, 50_000), ImageFormat.Png), Is.EqualTo((50_000, 50_000)));

    [Test]
    public void Header_size_of_a_cut_short_file_is_unknown() =>
        Assert.That(ImageHeader.ClaimedSize([0xFF, 0xD8, 0xFF, 0xE0, 0, 16], ImageFormat.Jpeg), Is.Null);
}
