using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace RtChat.Web.Media;

/// <summary>
/// Reads a multipart/form-data body as it arrives, never buffering it whole nor spilling it to a temp file
/// (unlike <c>Request.ReadFormAsync</c>). Text fields and each file are capped; a file past its cap is drained
/// so the page can answer with the form, the typed text and the error.
/// </summary>
public static class MultipartUpload
{
    public const int MaxFieldChars = 16 * 1024;
    public const int MaxFields = 64;

    /// <summary>The form's fields and its first <paramref name="fileField"/> file.</summary>
    /// <param name="mayReadFiles">Asked once, with the fields so far, when the first file begins; false stops the read there.</param>
    public static async Task<UploadForm> ReadAsync(HttpRequest request, string fileField, long maxFileBytes, CancellationToken ct,
        Func<IReadOnlyDictionary<string, string>, Task<bool>>? mayReadFiles = null)
    {
        UploadedFile? kept = null;
        string? fileError = null;
        var seen = false;
        var form = await ReadEachAsync(request, fileField, maxFileBytes, maxFiles: 1, mayReadFiles ?? (_ => Task.FromResult(true)), file =>
        {
            if (!seen) (kept, fileError, seen) = (file.File is { Length: > 0 } ? file.File : null, file.Error, true);
            return Task.CompletedTask;
        }, ct);
        if (form.Forged) return form;
        // Too large first: draining the rest may end in the server's own request limit, and the reason is the size.
        if (fileError is not null) return form with { Error = fileError, TooLarge = true };
        return form.Error is not null ? form : form with { File = kept };
    }

    /// <summary>
    /// Reads the form, handing each <paramref name="fileField"/> file to <paramref name="onFile"/> as it arrives, in order
    /// (the next is not read until it returns), so one file at a time is in memory. Files past <paramref name="maxFiles"/>
    /// are drained unread.
    /// </summary>
    public static async Task<UploadForm> ReadEachAsync(HttpRequest request, string fileField, long maxFileBytes, int maxFiles,
        Func<IReadOnlyDictionary<string, string>, Task<bool>> mayReadFiles, Func<ArrivingFile, Task> onFile, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType && request.HttpContext.Features.Get<IFormFeature>()?.Form is { } read)
            return await FromReadFormAsync(read, fileField, maxFileBytes, maxFiles, onFile);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return new UploadForm(fields, null, "The form was not sent as multipart/form-data.");

        var reader = new MultipartReader(boundary, request.Body);
        var files = 0;
        bool? filesAllowed = null;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
                    continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    // Sections not read to the end are drained by the next ReadNextSectionAsync, never stored.
                    var fileName = FileNameOf(disposition);
                    if (name != fileField || fileName.Length == 0)
                        continue;
                    filesAllowed ??= await mayReadFiles(fields);
                    if (filesAllowed == false)
                        return new UploadForm(fields, null, null) { Forged = true };
                    if (files++ >= maxFiles)
                    {
                        await onFile(new ArrivingFile(fields, null, fileName, $"At most {maxFiles} files go at once; send this one again."));
                        continue;
                    }
                    var content = await ReadCapped(section.Body, maxFileBytes, ct);
                    await onFile(content is { } bytes
                        ? new ArrivingFile(fields, new UploadedFile(fileName, section.ContentType, bytes), fileName, null)
                        : new ArrivingFile(fields, null, fileName, ImageRejectedException.FileTooLargeMessage(maxFileBytes)));
                    continue;
                }
                if (fields.Count >= MaxFields)
                    return new UploadForm(fields, null, "The form has too many fields.");
                var value = await ReadText(section.Body, ct);
                if (value is null)
                    return new UploadForm(fields, null, $"A field is longer than {MaxFieldChars} characters.");
                fields[name] = value;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A malformed body, one cut off, or one over the server's own request limit.
            return new UploadForm(fields, null, "The form could not be read.");
        }
        return new UploadForm(fields, null, null);
    }

    /// <summary>Bytes up to the cap, or null when the section is longer (the rest is drained, not kept).</summary>
    private static async Task<byte[]?> ReadCapped(Stream body, long cap, CancellationToken ct)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            if (kept.Length + read > cap)
                return null;
            kept.Write(buffer, 0, read);
        }
        return kept.ToArray();
    }

    private static async Task<string?> ReadText(Stream body, CancellationToken ct)
    {
        using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[MaxFieldChars + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await text.ReadAsync(buffer.AsMemory(length), ct)) > 0)
            length += read;
        if (length > MaxFieldChars)
            return null;
        return new string(buffer, 0, length);
    }

    private static string FileNameOf(ContentDispositionHeaderValue disposition) =>
        Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "");

    /// <summary>Someone (e.g. the antiforgery filter) already read the body as a form: take what it holds.</summary>
    private static async Task<UploadForm> FromReadFormAsync(IFormCollection form, string fileField, long maxFileBytes, int maxFiles,
        Func<ArrivingFile, Task> onFile)
    {
        var fields = form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        foreach (var formFile in form.Files.GetFiles(fileField).Where(f => f.Length > 0).Take(maxFiles))
        {
            var fileName = Path.GetFileName(formFile.FileName);
            if (formFile.Length > maxFileBytes)
            {
                await onFile(new ArrivingFile(fields, null, fileName, ImageRejectedException.FileTooLargeMessage(maxFileBytes)));
                continue;
            }
            await using var stream = formFile.OpenReadStream();
            var bytes = new byte[formFile.Length];
            await stream.ReadExactlyAsync(bytes);
            await onFile(new ArrivingFile(fields, new UploadedFile(fileName, formFile.ContentType, bytes), fileName, null));
        }
        return new UploadForm(fields, null, null);
    }
}
