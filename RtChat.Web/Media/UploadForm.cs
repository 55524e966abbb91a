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

    /// <summary>The antiforgery check before the first file failed: nothing after it was read.</summary>
    public bool Forged { get; init; }

    public string? this[string field] => Fields.GetValueOrDefault(field);
}

/// <summary>One file of a form as it arrives, with the fields read before it; <see cref="Error"/> when it was refused unread.</summary>
public sealed record ArrivingFile(IReadOnlyDictionary<string, string> FieldsBefore, UploadedFile? File, string FileName, string? Error);
