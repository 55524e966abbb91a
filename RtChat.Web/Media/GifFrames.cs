namespace RtChat.Web.Media;

/// <summary>
/// Whether a GIF has more than one frame, read from its block structure alone (no pixel is decoded): chat keeps a GIF's
/// first frame and marks the picture when the original moved.
/// </summary>
public static class GifFrames
{
    private const byte ExtensionIntroducer = 0x21;
    private const byte ImageSeparator = 0x2C;

    public static bool IsAnimated(ReadOnlySpan<byte> gif)
    {
        if (ImageSniffer.Detect(gif) != ImageFormat.Gif || gif.Length < 13)
            return false;
        var at = 13 + ColorTableLength(gif[10]);
        var frames = 0;
        while (at < gif.Length)
        {
            switch (gif[at])
            {
                case ExtensionIntroducer:
                    at = SkipSubBlocks(gif, at + 2);
                    break;
                case ImageSeparator:
                    if (++frames > 1) return true;
                    if (at + 10 >= gif.Length) return false;
                    // The descriptor (9 bytes), its colour table, the LZW code size, then the data's sub-blocks.
                    at = SkipSubBlocks(gif, at + 10 + ColorTableLength(gif[at + 9]) + 1);
                    break;
                default:
                    return false;
            }
        }
        return false;
    }

    private static int ColorTableLength(byte packed) => (packed & 0x80) == 0 ? 0 : 3 << ((packed & 0x07) + 1);

    private static int SkipSubBlocks(ReadOnlySpan<byte> gif, int at)
    {
        while (at < gif.Length && gif[at] != 0)
            at += gif[at] + 1;
        return at + 1;
    }
}
