using Microsoft.Net.Http.Headers;

namespace RtChat.Web.Media;

/// <summary><c>GET /media/{key}</c>: stored files, for signed-in users.</summary>
public static class MediaEndpoint
{
    public const string Pattern = "/media/{key}";

    public static string UrlOf(string key) => $"/media/{key}";

    public static IResult Handle(string key, IFileStore files, HttpResponse response)
    {
        var content = files.OpenRead(key);
        if (content is null)
            return Results.NotFound();
        var extension = FileStore.ExtensionOf(key);
        var headers = response.Headers;
        // A key is never reused for other content, so a copy never goes stale; only the browser keeps one (behind sign-in).
        headers.CacheControl = "private, max-age=31536000, immutable";
        headers.XContentTypeOptions = "nosniff";
        var etag = new EntityTagHeaderValue($"\"{Path.GetFileNameWithoutExtension(key)}\"");
        return MediaTypes.IsImage(extension)
            ? Results.File(content, MediaTypes.ContentTypeOf(extension), entityTag: etag)
            : Results.File(content, MediaTypes.Download, fileDownloadName: key, entityTag: etag);
    }
}
