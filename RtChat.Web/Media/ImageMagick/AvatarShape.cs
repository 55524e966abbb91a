using ImageMagick;

namespace RtChat.Web.Media.ImageMagick;

/// <summary>A decoded image turned into a stored avatar: a centred square, upright, sRGB, without metadata, as WebP.</summary>
internal static class AvatarShape
{
    public static byte[] Apply(MagickImage image, uint size, int webpQuality)
    {
        // Scale first, so no full-size copy is ever made; then crop the centre square and turn it upright:
        // turning a centred square gives the centred square of the turned image.
        var scale = (double)size / Math.Min(image.Width, image.Height);
        image.Resize(Math.Max(size, (uint)Math.Round(image.Width * scale)), Math.Max(size, (uint)Math.Round(image.Height * scale)));
        image.Crop(new MagickGeometry((int)(image.Width - size) / 2, (int)(image.Height - size) / 2, size, size));
        // Cropping keeps the offset in the virtual canvas; encoders would honour it.
        image.ResetPage();
        image.AutoOrient();
        image.ColorSpace = ColorSpace.sRGB;
        // Removes every profile (EXIF, GPS, XMP, ICC, IPTC), comment and property.
        image.Strip();
        image.Quality = (uint)webpQuality;
        return image.ToByteArray(MagickFormat.WebP);
    }
}
