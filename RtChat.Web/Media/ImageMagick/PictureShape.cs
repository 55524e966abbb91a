using ImageMagick;

namespace RtChat.Web.Media.ImageMagick;

/// <summary>A decoded chat picture turned into what is stored: upright, sRGB, without metadata, capped, as WebP, plus a thumbnail.</summary>
internal static class PictureShape
{
    public static (ProcessedImage Full, ProcessedImage Thumbnail) Apply(MagickImage image, uint maxSide, uint thumbnailSide, int webpQuality)
    {
        // Shrinking into a square before turning upright gives what turning first would, with less to turn.
        FitInto(image, maxSide);
        image.AutoOrient();
        image.ResetPage();
        image.ColorSpace = ColorSpace.sRGB;
        // Removes every profile (EXIF, GPS, XMP, ICC, IPTC), comment and property.
        image.Strip();
        image.Quality = (uint)webpQuality;
        var full = Encode(image);
        using var thumbnail = (MagickImage)image.Clone();
        FitInto(thumbnail, thumbnailSide);
        return (full, Encode(thumbnail));
    }

    private static void FitInto(MagickImage image, uint side)
    {
        if (image.Width > side || image.Height > side)
            image.Resize(new MagickGeometry(side, side));
    }

    private static ProcessedImage Encode(MagickImage image) =>
        new(image.ToByteArray(MagickFormat.WebP), "image/webp", (int)image.Width, (int)image.Height);
}
