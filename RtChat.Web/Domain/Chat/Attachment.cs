namespace RtChat.Web.Domain.Chat;

/// <summary>
/// A file shared with a message: stored under random keys (never its name), an image with its thumbnail or any other
/// file offered as a download. Deleting its row, however it goes (a message, a room, an account), queues its files
/// for deletion in the same transaction (<c>DeletedFile</c>, written by a database trigger).
/// </summary>
public class Attachment
{
    public long MessageId { get; private set; }
    public string FileKey { get; private set; } = "";

    /// <summary>What the sharer called it, cleaned for display; never a path.</summary>
    public string Name { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }

    /// <summary>Images only: the stored image's size, its thumbnail, and whether the original moved (an animated GIF).</summary>
    public int? Width { get; private set; }
    public int? Height { get; private set; }
    public string? ThumbnailKey { get; private set; }
    public int? ThumbnailWidth { get; private set; }
    public int? ThumbnailHeight { get; private set; }
    public bool WasAnimated { get; private set; }

    private Attachment() { }

    public static Attachment File(string fileKey, string? name, string? contentType, long size) => new()
    {
        FileKey = fileKey,
        Name = AttachmentName.Clean(name),
        ContentType = AttachmentName.CleanContentType(contentType),
        Size = size,
    };

    public static Attachment Image(string? name, StoredImage full, StoredImage thumbnail, bool wasAnimated) => new()
    {
        FileKey = full.Key,
        Name = AttachmentName.Clean(name),
        ContentType = full.ContentType,
        Size = full.Size,
        Width = full.Width,
        Height = full.Height,
        ThumbnailKey = thumbnail.Key,
        ThumbnailWidth = thumbnail.Width,
        ThumbnailHeight = thumbnail.Height,
        WasAnimated = wasAnimated,
    };

    public bool IsImage => ThumbnailKey is not null;

    /// <summary>Every stored file of this attachment.</summary>
    public IEnumerable<string> FileKeys => ThumbnailKey is null ? [FileKey] : [FileKey, ThumbnailKey];
}

/// <summary>An image as stored: its key, type, bytes and size in pixels.</summary>
public sealed record StoredImage(string Key, string ContentType, long Size, int Width, int Height);
