namespace RtChat.Web.Components.Chat;

/// <summary>The quote of the message a reply answers: plain values, so a message's view compares by value.</summary>
/// <param name="Id">The original's id, which its quote links to.</param>
/// <param name="Snippet">The start of its body as plain text (or its file's name); "" when deleted.</param>
/// <param name="Deleted">The original is gone: the quote says so.</param>
public sealed record ReplyView(long Id, string AuthorName, string Snippet, bool Deleted = false)
{
    /// <summary>Characters of the original a quote shows; longer ones end with "…".</summary>
    public const int SnippetLength = 100;

    /// <summary>What the database reads of a body for its snippet: Markdown marks and spaces taken out leave enough.</summary>
    public const int BodyRead = 300;

    public const string DeletedText = "Original message deleted";

    public static ReplyView Of(long id, string? authorName, string? body, string? fileName) =>
        authorName is null ? new ReplyView(id, "", "", Deleted: true) : new ReplyView(id, authorName, Snip(body, fileName));

    /// <summary>The body's words without Markdown's marks or line breaks, cut at <see cref="SnippetLength"/>.</summary>
    public static string Snip(string? body, string? fileName = null)
    {
        var text = new System.Text.StringBuilder(Math.Min(body?.Length ?? 0, BodyRead));
        var space = false;
        foreach (var c in body ?? "")
        {
            if (c is '*' or '_' or '`' or '~' or '>' or '#') continue;
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = text.Length > 0;
                continue;
            }
            if (space) text.Append(' ');
            space = false;
            text.Append(c);
        }
        if (text.Length == 0) return fileName ?? "";
        return text.Length <= SnippetLength ? text.ToString() : text.ToString(0, SnippetLength).TrimEnd() + "…";
    }
}
