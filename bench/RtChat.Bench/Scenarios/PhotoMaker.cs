using ImageMagick;

namespace RtChat.Bench.Scenarios;

/// <summary>Makes a photo-like JPEG with Magick.NET directly (not through the code under test).</summary>
internal static class PhotoMaker
{
    /// <summary>Gradients with some grain, so the JPEG is photo-sized (megabytes) rather than a flat few KB.</summary>
    public static byte[] Jpeg(int width, int height, int quality)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var grain = (int)((uint)(x * 73856093 ^ y * 19349663) % 48);
                var at = (y * width + x) * 3;
                pixels[at] = (byte)(x * 255 / width / 2 + grain);
                pixels[at + 1] = (byte)(y * 255 / height / 2 + grain);
                pixels[at + 2] = (byte)((x + y) % 256 / 2 + grain);
            }
        }
        using var image = new MagickImage(pixels, new PixelReadSettings((uint)width, (uint)height, StorageType.Char, PixelMapping.RGB));
        image.Quality = (uint)quality;
        return image.ToByteArray(MagickFormat.Jpeg);
    }
}
