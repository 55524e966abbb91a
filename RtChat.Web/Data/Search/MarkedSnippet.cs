using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace RtChat.Web.Data.Search;

/// <summary>
/// A result's extract with its matched words between two control characters no one types (<see cref="Open"/>,
/// <see cref="Close"/>): the database's snippet works on raw text, so the marks are made HTML here, after encoding the rest.
/// </summary>
public static class MarkedSnippet
{
    public const char Open = '\u0002';
    public const char Close = '\u0003';

    /// <summary>Characters of the body around the first match, when the database does not cut the extract itself.</summary>
    public const int Length = 160;

    /// <summary>
    /// The extract as HTML: the text encoded, each marked run in <c>&lt;mark&gt;</c>. Marks are paired here whatever the
    /// text holds (a body carrying these characters itself opens no element and leaves none open).
    /// </summary>
    public static IHtmlContent ToHtml(string marked)
    {
        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        foreach (var part in Pieces(marked))
        {
            if (part.Mark is { } opens)
            {
                if (opens == open) continue;
                html.Append(opens ? "<mark>" : "</mark>");
                open = opens;
            }
            else
            {
                html.Append(HtmlEncoder.Default.Encode(part.Text));
            }
        }
        if (open) html.Append("</mark>");
        return new HtmlString(html.ToString());
    }

    /// <summary>
    /// The extract of <paramref name="body"/> around the first of <paramref name="words"/> it holds (ignoring case), every
    /// occurrence of each marked: what FTS5's snippet() gives, for the search without an index.
    /// </summary>
    public static string Around(string body, IReadOnlyList<string> words)
    {
        var text = body.Replace(Open, ' ').Replace(Close, ' ').ReplaceLineEndings(" ");
        var marks = new bool[text.Length];
        var first = text.Length;
        foreach (var word in words)
        {
            for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                first = Math.Min(first, at);
                for (var i = at; i < Math.Min(text.Length, at + word.Length); i++) marks[i] = true;
            }
        }
        if (first == text.Length) first = 0;
        var start = Math.Max(0, Math.Min(first - Length / 4, text.Length - Length));
        var end = Math.Min(text.Length, start + Length);
        var extract = new StringBuilder(end - start + 8);
        if (start > 0) extract.Append('…');
        for (var i = start; i < end; i++)
        {
            if (marks[i] && (i == start || !marks[i - 1])) extract.Append(Open);
            extract.Append(text[i]);
            if (marks[i] && (i == end - 1 || !marks[i + 1])) extract.Append(Close);
        }
        if (end < text.Length) extract.Append('…');
        return extract.ToString();
    }

    private readonly record struct Piece(string Text, bool? Mark);

    private static IEnumerable<Piece> Pieces(string marked)
    {
        var from = 0;
        for (var i = 0; i < marked.Length; i++)
        {
            if (marked[i] != Open && marked[i] != Close) continue;
            if (i > from) yield return new Piece(marked[from..i], null);
            yield return new Piece("", marked[i] == Open);
            from = i + 1;
        }
        if (from < marked.Length) yield return new Piece(marked[from..], null);
    }
}
