using RtChat.Web.Media;

namespace RtChat.Web.Tests.Media;

public sealed class GifFramesTests
{
    private static readonly byte[] Red = [220, 20, 20];

    [TestCase(1, false)]
    [TestCase(2, true)]
    [TestCase(5, true)]
    public void A_gif_is_animated_when_it_has_more_than_one_frame(int frames, bool animated)
    {
        var gif = TestImages.EncodeFrames("GIF", Enumerable.Range(0, frames).Select(i => (16, 16, (Func<int, int, byte[]>)((x, _) => [(byte)(x * i), 40, 40]))).ToList());

        Assert.That(GifFrames.IsAnimated(gif), Is.EqualTo(animated));
    }

    [Test]
    public void Other_formats_and_cut_off_gifs_are_not_animated()
    {
        var gif = TestImages.EncodeFrames("GIF", [(16, 16, (_, _) => Red), (16, 16, (_, _) => Red)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(GifFrames.IsAnimated(TestImages.Encode("PNG", 4, 4, (_, _) => Red)), Is.False);
            Assert.That(GifFrames.IsAnimated(gif[..20]), Is.False);
            Assert.That(GifFrames.IsAnimated("GIF89a"u8), Is.False);
            Assert.That(GifFrames.IsAnimated([.. "GIF89a"u8, 1, 0, 1, 0, 0xFF, 0, 0, .. Enumerable.Repeat((byte)0x21, 50)]), Is.False);
        }
    }
}
