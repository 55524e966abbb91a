using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace RtChat.Web.Media;

/// <summary>One uploaded file, held in memory (it is at most <see cref="MediaOptions.MaxUploadBytes"/>).</summary>
public sealed record UploadedFile(string FileName, string? ContentType, ReadOnlyMemory<byte> Content)
{
    public long Length => Content.Length;
}

/// <summary>What a multipart form carried: its text fields, the one file asked for, and a user-facing error if any.</summary>
public sealed record UploadForm(IReadOnlyDictionary<string, string> Fields, UploadedFile? File, string? Error)
{
    /// <summary>The file was over the limit: its bytes were discarded, the text fields are still here.</summary>
    public bool TooLarge { get; init; }

    public string? this[string field] => Fields.GetValueOrDefault(field);
}

/// <summary>
/// Reads a multipart/form-data body as it arrives, never buffering it whole nor spilling it to a temp file
/// (unlike <c>Request.ReadFormAsync</c>). Text fields and the file are each capped; a file past its cap is drained
/// so the page can answer with the form, the typed text and the error.
/// </summary>
public static class MultipartUpload
{
    public const int MaxFieldChars = 16 * 1024;
    public const int MaxFields = 64;

    public static async Task<UploadForm> ReadAsync(HttpRequest request, string fileField, long maxFileBytes, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType && request.HttpContext.Features.Get<IFormFeature>()?.Form is { } read)
            return FromReadForm(read, fileField, maxFileBytes);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return new UploadForm(fields, null, "The form was not sent as multipart/form-data.");

        var reader = new MultipartReader(boundary, request.Body);
        UploadedFile? file = null;
        var tooLarge = false;
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
                    if (name != fileField || file is not null || tooLarge)
                        continue;
                    var content = await ReadCapped(section.Body, maxFileBytes, ct);
                    if (content is null)
                        tooLarge = true;
                    else if (content.Value.Length > 0)
                        file = new UploadedFile(FileNameOf(disposition), section.ContentType, content.Value);
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
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A malformed body, or one over the server's own request limit while we drained it.
            if (!tooLarge)
                return new UploadForm(fields, null, "The form could not be read.");
        }
        return tooLarge
            ? new UploadForm(fields, null, ImageRejectedException.FileTooLargeMessage(maxFileBytes)) { TooLarge = true }
            : new UploadForm(fields, file, null);
    }

    /// <summary>
    /// Checks the antiforgery token after <see cref="ReadAsync"/>, for a handler marked <c>[IgnoreAntiforgeryToken]</c>:
    /// the automatic check would read the whole form first. A token sent as a form field is checked like one sent as a header.
    /// </summary>
    public static async Task<bool> IsAntiforgeryValidAsync(HttpContext context, UploadForm form)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        var options = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        if (options.HeaderName is not { } header)
            return false;
        if (StringValues.IsNullOrEmpty(context.Request.Headers[header]) && form[options.FormFieldName] is { } token)
            context.Request.Headers[header] = token;
        return await antiforgery.IsRequestValidAsync(context);
    }

    /// <summary>Bytes up to the cap, or null when the section is longer (the rest is drained, not kept).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadCapped(Stream body, long cap, CancellationToken ct)
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
        return kept.GetBuffer().AsMemory(0, (int)kept.Length);
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
    private static UploadForm FromReadForm(IFormCollection form, string fileField, long maxFileBytes)
    {
        var fields = form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        var formFile = form.Files.GetFile(fileField);
        if (formFile is null || formFile.Length == 0)
            return new UploadForm(fields, null, null);
        if (formFile.Length > maxFileBytes)
            return new UploadForm(fields, null, ImageRejectedException.FileTooLargeMessage(maxFileBytes)) { TooLarge = true };
        using var stream = formFile.OpenReadStream();
        var bytes = new byte[formFile.Length];
        stream.ReadExactly(bytes);
        return new UploadForm(fields, new UploadedFile(Path.GetFileName(formFile.FileName), formFile.ContentType, bytes), null);
    }
}
