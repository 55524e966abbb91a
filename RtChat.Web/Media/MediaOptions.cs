namespace RtChat.Web.Media;

/// <summary>The <c>Media</c> section: where files live and the bounds every upload and image lives within.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Folder of avatars, relative to the content root; never under wwwroot.</summary>
    public string Root { get; set; } = "App_Data/media";

    /// <summary>Folder of files shared in chats (served only to the room's readers), relative to the content root.</summary>
    public string FilesRoot { get; set; } = "App_Data/files";

    /// <summary>The largest upload kept, in bytes; past this the rest of the body is drained, not stored.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Width × height an image may claim (checked on the header, before pixels are decoded).</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>The longest side, in pixels, an image may claim.</summary>
    public int MaxSide { get; set; } = 8192;

    /// <summary>Files one chat upload may carry; each becomes its own message.</summary>
    public int MaxFilesPerUpload { get; set; } = 10;

    /// <summary>Uploads (avatars and chat files) one user may have in flight; past it: 429.</summary>
    public int MaxUploadsPerUser { get; set; } = 3;

    /// <summary>Uploads in flight on this node, all users together; past it: 429, so memory stays bounded.</summary>
    public int MaxUploadsInFlight { get; set; } = 32;

    /// <summary>Chat images are stored at most this many pixels on their longest side.</summary>
    public int ChatImageMaxSide { get; set; } = 2048;

    /// <summary>A chat image's thumbnail fits in a square this many pixels a side.</summary>
    public int ThumbnailSide { get; set; } = 360;

    /// <summary>How often files of deleted attachments are removed from disk.</summary>
    public TimeSpan ReapInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At start, stored chat files older than this that no attachment names are removed (an upload cut off by a crash).</summary>
    public TimeSpan OrphanAge { get; set; } = TimeSpan.FromHours(1);

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
