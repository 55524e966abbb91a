using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Media.Attachments;

/// <summary>
/// <c>GET /files/{key}</c>: a file shared in a chat, only for someone who may read its room at this moment (anyone
/// else, signed in or not, gets 404). Pictures show inline; every other file downloads under its shared name.
/// </summary>
public static class SharedFileEndpoint
{
    public const string Pattern = "/files/{key}";

    public static string UrlOf(string key) => $"/files/{key}";

    private sealed record Found(string FileKey, string Name, bool IsImage);

    // One query: the key's attachment, if the reader may see its room (the public room, or one they are a member of).
    private static readonly Func<AppDbContext, string, string, Task<Found?>> FindReadable = EF.CompileAsyncQuery(
        (AppDbContext db, string key, string userId) =>
            (from attachment in db.Attachments
             join message in db.Messages on attachment.MessageId equals message.Id
             where attachment.FileKey == key || attachment.ThumbnailKey == key
             where message.Room.Kind == RoomKind.Public || db.Memberships.Any(m => m.RoomId == message.RoomId && m.UserId == userId)
             select new Found(attachment.FileKey, attachment.Name, attachment.ThumbnailKey != null)).SingleOrDefault());

    public static async Task<IResult> HandleAsync(string key, ClaimsPrincipal user, AppDbContext db,
        [FromKeyedServices(MediaSetup.SharedFiles)] IFileStore files, HttpResponse response)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId || !FileStore.IsValidKey(key)
            || await FindReadable(db, key, userId) is not { } found
            || files.OpenRead(key) is not { } content)
            return Results.NotFound();
        var headers = response.Headers;
        // Behind sign-in and access that can end: no shared cache keeps it, and the browser asks again (a 304 by ETag).
        headers.CacheControl = "private, no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        var etag = new EntityTagHeaderValue($"\"{Path.GetFileNameWithoutExtension(key)}\"");
        var extension = FileStore.ExtensionOf(key);
        return found.IsImage && MediaTypes.IsImage(extension)
            ? Results.File(content, MediaTypes.ContentTypeOf(extension), entityTag: etag, enableRangeProcessing: true)
            : Results.File(content, MediaTypes.Download, fileDownloadName: found.Name, entityTag: etag, enableRangeProcessing: true);
    }
}
