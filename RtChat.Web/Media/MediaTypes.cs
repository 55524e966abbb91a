namespace RtChat.Web.Media;

/// <summary>Content types of stored files, by extension. Only these images are shown inline; anything else downloads.</summary>
public static class MediaTypes
{
    private static readonly Dictionary<string, string> Images = new(StringComparer.Ordinal)
    {
        ["webp"] = "image/webp",
        ["png"] = "image/png",
        ["jpg"] = "image/jpeg",
        ["gif"] = "image/gif",
    };

    public const string Download = "application/octet-stream";

    public static bool IsImage(string extension) => Images.ContainsKey(extension);

    public static string ContentTypeOf(string extension) => Images.GetValueOrDefault(extension, Download);

    public static string ExtensionOf(string contentType) =>
        Images.FirstOrDefault(pair => pair.Value == contentType).Key
        ?? throw new ArgumentException($"No stored extension for {contentType}.", nameof(contentType));
}
