using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace RtChat.Web.Tests.Media;

/// <summary>
/// Makes fixture images and inspects results through ImageMagick 6 directly (not through the code under test),
/// so no fixture files or command-line tools are needed.
/// </summary>
internal static class TestImages
{
    private const string Lib = "libMagickWand-6.Q16.so.6";

    public sealed record Color(double R, double G, double B, double A)
    {
        public bool IsRoughly(double r, double g, double b) => Math.Abs(R - r) < 0.2 && Math.Abs(G - g) < 0.2 && Math.Abs(B - b) < 0.2;
        public override string ToString() => $"rgba({R:0.00}, {G:0.00}, {B:0.00}, {A:0.00})";
    }

    public sealed record Info(string Format, int Width, int Height, int Frames, IReadOnlyList<string> Properties, IReadOnlyList<string> Profiles);

    static TestImages() => MagickWandGenesis();

    /// <summary>An image from a pixel function; <paramref name="map"/> is "RGB" or "RGBA", one byte a channel.</summary>
    public static byte[] Encode(string format, int width, int height, Func<int, int, byte[]> pixel, string map = "RGB", int quality = 92) =>
        EncodeFrames(format, [(width, height, pixel)], map, quality);

    public static byte[] EncodeFrames(string format, IReadOnlyList<(int Width, int Height, Func<int, int, byte[]> Pixel)> frames,
        string map = "RGB", int quality = 92)
    {
        var wand = NewMagickWand();
        try
        {
            foreach (var (width, height, pixel) in frames)
            {
                var pixels = new byte[width * height * map.Length];
                for (var y = 0; y < height; y++)
                    for (var x = 0; x < width; x++)
                        pixel(x, y).CopyTo(pixels, (y * width + x) * map.Length);
                Ok(MagickConstituteImage(wand, (nuint)width, (nuint)height, map, 1 /* CharPixel */, pixels));
                Ok(MagickSetImageFormat(wand, format));
                MagickSetImageDelay(wand, 20);
            }
            Ok(MagickSetFormat(wand, format));
            MagickSetImageCompressionQuality(wand, (nuint)quality);
            MagickResetIterator(wand);
            var blob = MagickGetImagesBlob(wand, out var length);
            Assert.That(blob, Is.Not.EqualTo(IntPtr.Zero), $"ImageMagick could not encode {format}");
            var bytes = new byte[(int)length];
            Marshal.Copy(blob, bytes, 0, bytes.Length);
            MagickRelinquishMemory(blob);
            return bytes;
        }
        finally
        {
            DestroyMagickWand(wand);
        }
    }

    public static Info Inspect(byte[] image) => WithImage(image, wand =>
    {
        var format = TakeString(MagickGetImageFormat(wand));
        return new Info(format, (int)MagickGetImageWidth(wand), (int)MagickGetImageHeight(wand), (int)MagickGetNumberImages(wand),
            TakeStrings(MagickGetImageProperties(wand, "*", out var properties), properties),
            TakeStrings(MagickGetImageProfiles(wand, "*", out var profiles), profiles));
    });

    public static Color PixelAt(byte[] image, int x, int y) => WithImage(image, wand =>
    {
        var pixel = NewPixelWand();
        try
        {
            Ok(MagickGetImagePixelColor(wand, x, y, pixel));
            return new Color(PixelGetRed(pixel), PixelGetGreen(pixel), PixelGetBlue(pixel), PixelGetAlpha(pixel));
        }
        finally
        {
            DestroyPixelWand(pixel);
        }
    });

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

    private static T WithImage<T>(byte[] image, Func<IntPtr, T> use)
    {
        var wand = NewMagickWand();
        try
        {
            Ok(MagickReadImageBlob(wand, image, (nuint)image.Length));
            return use(wand);
        }
        finally
        {
            DestroyMagickWand(wand);
        }
    }

    private static void Ok(int status) => Assert.That(status, Is.Not.Zero, "an ImageMagick call in the test helper failed");

    private static string TakeString(IntPtr text)
    {
        var value = Marshal.PtrToStringUTF8(text) ?? "";
        MagickRelinquishMemory(text);
        return value;
    }

    private static List<string> TakeStrings(IntPtr array, nuint count)
    {
        var values = new List<string>();
        if (array == IntPtr.Zero)
            return values;
        for (var i = 0; i < (int)count; i++)
            values.Add(TakeString(Marshal.ReadIntPtr(array, i * IntPtr.Size)));
        MagickRelinquishMemory(array);
        return values;
    }

    [DllImport(Lib)] private static extern void MagickWandGenesis();
    [DllImport(Lib)] private static extern IntPtr NewMagickWand();
    [DllImport(Lib)] private static extern IntPtr DestroyMagickWand(IntPtr wand);
    [DllImport(Lib)] private static extern IntPtr MagickRelinquishMemory(IntPtr memory);
    [DllImport(Lib)] private static extern int MagickConstituteImage(IntPtr wand, nuint columns, nuint rows, string map, int storage, byte[] pixels);
    [DllImport(Lib)] private static extern int MagickSetImageFormat(IntPtr wand, string format);
    [DllImport(Lib)] private static extern int MagickSetFormat(IntPtr wand, string format);
    [DllImport(Lib)] private static extern int MagickSetImageDelay(IntPtr wand, nuint delay);
    [DllImport(Lib)] private static extern int MagickSetImageCompressionQuality(IntPtr wand, nuint quality);
    [DllImport(Lib)] private static extern void MagickResetIterator(IntPtr wand);
    [DllImport(Lib)] private static extern IntPtr MagickGetImagesBlob(IntPtr wand, out nuint length);
    [DllImport(Lib)] private static extern int MagickReadImageBlob(IntPtr wand, byte[] blob, nuint length);
    [DllImport(Lib)] private static extern IntPtr MagickGetImageFormat(IntPtr wand);
    [DllImport(Lib)] private static extern nuint MagickGetImageWidth(IntPtr wand);
    [DllImport(Lib)] private static extern nuint MagickGetImageHeight(IntPtr wand);
    [DllImport(Lib)] private static extern nuint MagickGetNumberImages(IntPtr wand);
    [DllImport(Lib)] private static extern IntPtr MagickGetImageProperties(IntPtr wand, string pattern, out nuint count);
    [DllImport(Lib)] private static extern IntPtr MagickGetImageProfiles(IntPtr wand, string pattern, out nuint count);
    [DllImport(Lib)] private static extern int MagickGetImagePixelColor(IntPtr wand, nint x, nint y, IntPtr color);
    [DllImport(Lib)] private static extern IntPtr NewPixelWand();
    [DllImport(Lib)] private static extern IntPtr DestroyPixelWand(IntPtr wand);
    [DllImport(Lib)] private static extern double PixelGetRed(IntPtr wand);
    [DllImport(Lib)] private static extern double PixelGetGreen(IntPtr wand);
    [DllImport(Lib)] private static extern double PixelGetBlue(IntPtr wand);
    [DllImport(Lib)] private static extern double PixelGetAlpha(IntPtr wand);
}
