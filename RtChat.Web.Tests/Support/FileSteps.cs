using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Tests.Support;

/// <summary>Sharing files in a room as its attach control does, and looking at what got stored.</summary>
public static class FileSteps
{
    public const string FilesField = "Files";
    public const string CaptionField = "Caption";

    public static string UploadPath(string? room) => (room is null ? "/" : "/chat/room/" + Uri.EscapeDataString(room)) + "?handler=Upload";

    /// <summary>
    /// Posts <paramref name="files"/> to the room's Upload handler as the control sends them: the token (as htmx's header,
    /// or as the form's field without htmx), the caption, then the files in order. A null <paramref name="token"/> sends none.
    /// </summary>
    public static async Task<HttpResponseMessage> ShareAsync(this WebSession web, string? room, IReadOnlyList<Upload> files,
        string? caption = null, bool htmx = true, string? token = "", IReadOnlyDictionary<string, string>? headers = null)
    {
        token = token == "" ? await web.RequestTokenAsync() : token;
        var content = new MultipartFormDataContent();
        if (token is not null && !htmx) content.Add(new StringContent(token), RoomSteps.TokenField);
        content.Add(new StringContent(caption ?? ""), CaptionField);
        foreach (var file in files)
            content.Add(FilePart(file));
        using var request = new HttpRequestMessage(HttpMethod.Post, UploadPath(room)) { Content = content };
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
            if (token is not null) request.Headers.Add("RequestVerificationToken", token);
        }
        foreach (var (header, value) in headers ?? new Dictionary<string, string>())
            request.Headers.Add(header, value);
        return await web.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ShareAsync(this WebSession web, string? room, Upload file, string? caption = null, bool htmx = true) =>
        web.ShareAsync(room, [file], caption, htmx);

    /// <summary>Shares and fails unless every file was sent (200).</summary>
    public static async Task ShareOkAsync(this WebSession web, string? room, params Upload[] files)
    {
        using var response = await web.ShareAsync(room, files);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new AssertionException($"Sharing answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static ByteArrayContent FilePart(Upload file)
    {
        var bytes = new ByteArrayContent(file.Content);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
        bytes.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = $"\"{FilesField}\"",
            // The name as filename* (UTF-8, any character); the plain one is what the server uses when filename* is absent.
            FileName = "\"upload\"",
            FileNameStar = file.FileName,
        };
        return bytes;
    }

    /// <summary>The attachments of a room's messages, oldest first, with their captions.</summary>
    public static Task<List<(string Body, Attachment Attachment)>> AttachmentsAsync(this RtChatApp app, string? room) =>
        app.QueryAsync(db => db.Messages.AsNoTracking()
            .Where(m => m.Room.Name == (room ?? ChatRoom.PublicChatName) && m.Attachment != null)
            .OrderBy(m => m.Id)
            .Select(m => new ValueTuple<string, Attachment>(m.Body, m.Attachment!))
            .ToListAsync());

    /// <summary>Every file in the shared-files folder (temp files included).</summary>
    public static IReadOnlyList<string> StoredFiles(this RtChatApp app) =>
        Directory.Exists(app.FilesDirectory) ? Directory.GetFiles(app.FilesDirectory, "*", SearchOption.AllDirectories) : [];

    public static string FilePath(this RtChatApp app, string key) => Path.Combine(app.FilesDirectory, key[..2], key);

    /// <summary>Waits (a few seconds at most) until none of <paramref name="keys"/> is on disk.</summary>
    public static async Task WaitUntilGoneAsync(this RtChatApp app, IEnumerable<string> keys)
    {
        var paths = keys.Select(app.FilePath).ToList();
        var until = DateTime.UtcNow.AddSeconds(5);
        while (paths.Any(File.Exists))
        {
            if (DateTime.UtcNow > until)
                throw new AssertionException($"Still stored after 5 s: {string.Join(", ", paths.Where(File.Exists).Select(Path.GetFileName))}");
            await Task.Delay(50);
        }
    }
}
