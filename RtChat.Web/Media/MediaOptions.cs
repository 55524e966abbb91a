namespace RtChat.Web.Media;

/// <summary>The <c>Media</c> section: where files live and the bounds every upload and image lives within.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Folder of stored files, relative to the content root; never under wwwroot.</summary>
    public string Root { get; set; } = "App_Data/media";

    /// <summary>The largest upload kept, in bytes; past this the rest of the body is drained, not stored.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Width × height an image may claim (checked on the header, before pixels are decoded).</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>The longest side, in pixels, an image may claim.</summary>
    public int MaxSide { get; set; } = 8192;

    /// <summary>Avatars are square, this many pixels a side.</summary>
    public int AvatarSize { get; set; } = 256;

    /// <summary>WebP quality of stored images (0–100).</summary>
    public int WebpQuality { get; set; } = 82;

    /// <summary>Images processed at once; the rest wait, so a burst of uploads cannot exhaust memory.</summary>
    public int MaxConcurrentImages { get; set; } = Environment.ProcessorCount;

    /// <summary>Pixel memory ImageMagick may hold, all images together; past it pixels go to disk (up to 4×), then fail.</summary>
    public long ImageMemoryBytes { get; set; } = 256 * 1024 * 1024;

    /// <summary>One image's processing is abandoned after this long.</summary>
    public TimeSpan ImageTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
