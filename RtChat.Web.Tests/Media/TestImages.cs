using System.Buffers.Binary;
using System.Text;
using ImageMagick;
using RtChat.Web.Media.ImageMagick;

namespace RtChat.Web.Tests.Media;

/// <summary>
/// Makes fixture images and inspects results through Magick.NET directly (not through the code under test),
/// so no fixture files or command-line tools are needed.
/// </summary>
internal static class TestImages
{
    public sealed record Color(double R, double G, double B, double A)
    {
        public bool IsRoughly(double r, double g, double b) => Math.Abs(R - r) < 0.2 && Math.Abs(G - g) < 0.2 && Math.Abs(B - b) < 0.2;
        public override string ToString() => $"rgba({R:0.00}, {G:0.00}, {B:0.00}, {A:0.00})";
    }

    public sealed record Info(string Format, int Width, int Height, int Frames, IReadOnlyList<string> Properties, IReadOnlyList<string> Profiles);

    // The app's policy is read at Magick.NET's first use in the process, which may be here.
    static TestImages() => Assert.That(MagickLibrary.Status.IsAvailable, MagickLibrary.Status.Description);

    /// <summary>An image from a pixel function; <paramref name="map"/> is "RGB" or "RGBA", one byte a channel.</summary>
    public static byte[] Encode(string format, int width, int height, Func<int, int, byte[]> pixel, string map = "RGB", int quality = 92) =>
        EncodeFrames(format, [(width, height, pixel)], map, quality);

    public static byte[] EncodeFrames(string format, IReadOnlyList<(int Width, int Height, Func<int, int, byte[]> Pixel)> frames,
        string map = "RGB", int quality = 92)
    {
        using var images = new MagickImageCollection();
        foreach (var (width, height, pixel) in frames)
        {
            var pixels = new byte[width * height * map.Length];
            for (var y = 0; y < height; y++)
                for (var x = 0; x < width; x++)
                    pixel(x, y).CopyTo(pixels, (y * width + x) * map.Length);
            var mapping = map == "RGBA" ? PixelMapping.RGBA : PixelMapping.RGB;
            images.Add(new MagickImage(pixels, new PixelReadSettings((uint)width, (uint)height, StorageType.Char, mapping))
            {
                AnimationDelay = 20,
                Quality = (uint)quality,
            });
        }
        return images.ToByteArray(Enum.Parse<MagickFormat>(format, ignoreCase: true));
    }

    public static Info Inspect(byte[] image)
    {
        using var frames = new MagickImageCollection(image);
        var first = frames[0];
        // ImageMagick makes the exif:* properties from the EXIF profile when they are first asked for.
        first.GetAttribute("exif:*");
        return new Info(first.Format.ToString().ToUpperInvariant(), (int)first.Width, (int)first.Height, frames.Count,
            [.. first.AttributeNames], [.. first.ProfileNames]);
    }

    public static Color PixelAt(byte[] image, int x, int y)
    {
        using var decoded = new MagickImage(image);
        using var pixels = decoded.GetPixels();
        var color = pixels.GetPixel(x, y).ToColor() ?? throw new InvalidOperationException($"No pixel at {x},{y}");
        return new Color(color.R / 255d, color.G / 255d, color.B / 255d, decoded.HasAlpha ? color.A / 255d : 1);
    }

    /// <summary>Inserts an EXIF (APP1) segment after the JPEG's JFIF header: orientation and a GPS position.</summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation, (double Latitude, double Longitude) gps)
    {
        var tiff = ExifTiff(orientation, gps);
        var app1 = new byte[4 + 6 + tiff.Length];
        app1[0] = 0xFF;
        app1[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), (ushort)(app1.Length - 2));
        "Exif\0\0"u8.CopyTo(app1.AsSpan(4));
        tiff.CopyTo(app1, 10);
        var at = 2;
        if (jpeg[2] == 0xFF && jpeg[3] == 0xE0)
            at = 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        return [.. jpeg[..at], .. app1, .. jpeg[at..]];
    }

    /// <summary>A little-endian TIFF block: IFD0 (Orientation, GPS pointer) and a GPS IFD (N/E latitude, longitude).</summary>
    private static byte[] ExifTiff(ushort orientation, (double Latitude, double Longitude) gps)
    {
        var tiff = new MemoryStream();
        var w = new BinaryWriter(tiff);
        w.Write("II"u8);
        w.Write((ushort)42);
        w.Write(8u);
        // IFD0 at 8: 2 entries (12 bytes each), then the next-IFD offset.
        const uint gpsIfd = 8 + 2 + 2 * 12 + 4;
        w.Write((ushort)2);
        Entry(w, 0x0112, 3, 1, orientation);
        Entry(w, 0x8825, 4, 1, gpsIfd);
        w.Write(0u);
        // GPS IFD: 5 entries; rationals after it.
        const uint rationals = gpsIfd + 2 + 5 * 12 + 4;
        w.Write((ushort)5);
        Entry(w, 0x0000, 1, 4, 0x00000302); // GPSVersionID 2.3.0.0
        Entry(w, 0x0001, 2, 2, 'N');
        Entry(w, 0x0002, 5, 3, rationals);
        Entry(w, 0x0003, 2, 2, 'E');
        Entry(w, 0x0004, 5, 3, rationals + 24);
        w.Write(0u);
        foreach (var degrees in new[] { gps.Latitude, gps.Longitude })
        {
            var whole = (uint)degrees;
            var minutes = (uint)((degrees - whole) * 60);
            var seconds = (uint)Math.Round(((degrees - whole) * 60 - minutes) * 60 * 100);
            foreach (var (numerator, denominator) in new[] { (whole, 1u), (minutes, 1u), (seconds, 100u) })
            {
                w.Write(numerator);
                w.Write(denominator);
            }
        }
        return tiff.ToArray();
    }

    private static void Entry(BinaryWriter w, ushort tag, ushort type, uint count, uint value)
    {
        w.Write(tag);
        w.Write(type);
        w.Write(count);
        w.Write(value);
    }

    /// <summary>The RIFF chunk ids of a WebP file (VP8, VP8L, VP8X, ALPH, ANIM, ANMF, ICCP, EXIF, XMP).</summary>
    public static IReadOnlyList<string> WebpChunks(byte[] webp)
    {
        Assert.That(Encoding.ASCII.GetString(webp, 0, 4) + Encoding.ASCII.GetString(webp, 8, 4), Is.EqualTo("RIFFWEBP"));
        var chunks = new List<string>();
        for (var at = 12; at + 8 <= webp.Length;)
        {
            chunks.Add(Encoding.ASCII.GetString(webp, at, 4).TrimEnd());
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(at + 4));
            at += 8 + size + (size & 1);
        }
        return chunks;
    }
}
