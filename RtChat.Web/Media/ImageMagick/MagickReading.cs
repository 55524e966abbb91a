using ImageMagick;
using ImageMagick.Formats;

namespace RtChat.Web.Media.ImageMagick;

/// <summary>
/// How an upload's bytes reach Magick.NET: always as bytes, never as a file name (so no "msl:", "text:@…" or "url:"
/// prefix can choose a coder or a file), with the coder named from the sniffed format and only the first frame read.
/// </summary>
internal static class MagickReading
{
    /// <summary>The header only: dimensions without decoding pixels.</summary>
    public static (uint Width, uint Height) Ping(ReadOnlySpan<byte> upload, ImageFormat format)
    {
        var info = new MagickImageInfo();
        info.Read(upload, Settings(format, decodeAtLeast: null));
        return (info.Width, info.Height);
    }

    /// <summary>
    /// Decodes the first frame. A coder's warning that data was missing (a truncated JPEG: grey where data was missing)
    /// and an empty result both mean the file is damaged, so both throw.
    /// </summary>
    /// <param name="decodeAtLeast">
    /// A smaller size to decode a JPEG at, one of libjpeg's n/8 scales of it (libjpeg takes the nearest, and would scale
    /// up for a size larger than the image).
    /// </param>
    public static MagickImage Read(ReadOnlySpan<byte> upload, ImageFormat format, (uint Width, uint Height)? decodeAtLeast)
    {
        var image = new MagickImage();
        MagickWarningException? damage = null;
        image.Warning += (_, e) => damage ??= e.Exception as MagickCorruptImageWarningException;
        try
        {
            image.Read(upload, Settings(format, decodeAtLeast));
            if (damage is not null)
                throw damage;
            if (image.Width == 0 || image.Height == 0)
                throw new MagickCorruptImageErrorException("No image in the file.");
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    /// <summary>
    /// With the coder named, ImageMagick does not guess the format from the content, so MVG, MSL, SVG, PS or text can
    /// never be chosen by the bytes (and the policy would refuse them if they were).
    /// </summary>
    private static MagickReadSettings Settings(ImageFormat format, (uint Width, uint Height)? decodeAtLeast)
    {
        var settings = new MagickReadSettings { Format = CoderOf(format), FrameIndex = 0, FrameCount = 1 };
        if (format == ImageFormat.Jpeg && decodeAtLeast is { } size)
            settings.SetDefines(new JpegReadDefines { Size = new MagickGeometry(size.Width, size.Height) });
        return settings;
    }

    private static MagickFormat CoderOf(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => MagickFormat.Jpeg,
        ImageFormat.Png => MagickFormat.Png,
        ImageFormat.Gif => MagickFormat.Gif,
        ImageFormat.WebP => MagickFormat.WebP,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
