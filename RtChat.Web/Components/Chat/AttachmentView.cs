using System.Globalization;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Media.Attachments;

namespace RtChat.Web.Components.Chat;

/// <summary>A message's shared file as every viewer sees it: a picture with its thumbnail's size, or a file card.</summary>
public sealed record AttachmentView(
    string FileKey,
    string Name,
    long Size,
    string? ThumbnailKey,
    int? ThumbnailWidth,
    int? ThumbnailHeight,
    bool WasAnimated)
{
    public bool IsPicture => ThumbnailKey is not null;
    public string Url => SharedFileEndpoint.UrlOf(FileKey);
    public string? ThumbnailUrl => ThumbnailKey is null ? null : SharedFileEndpoint.UrlOf(ThumbnailKey);

    /// <summary>What kind of file it is, as people say it: <c>PDF</c>, or <c>File</c>.</summary>
    public string Kind => AttachmentName.KindOf(Name) ?? "File";

    public string HumanSize => HumanSizeOf(Size);

    public static string HumanSizeOf(long bytes)
    {
        string[] units = ["KB", "MB", "GB"];
        if (bytes < 1024) return $"{bytes} B";
        var size = bytes / 1024d;
        var unit = 0;
        while (size >= 1024 && unit < units.Length - 1) (size, unit) = (size / 1024, unit + 1);
        return size.ToString(size < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
