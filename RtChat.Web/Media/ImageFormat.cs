namespace RtChat.Web.Media;

/// <summary>The only formats we decode. Anything else (SVG, MVG, MSL, PS, PDF, BMP, ICO, PSD, text) is refused unread.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    Gif,
    WebP,
}

public static class ImageSniffer
{
    /// <summary>The format named by the file's first bytes; the declared content type and file name are never trusted.</summary>
    public static ImageFormat? Detect(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return ImageFormat.Jpeg;
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            return ImageFormat.Png;
        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
            return ImageFormat.Gif;
        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
            return ImageFormat.WebP;
        return null;
    }
}
