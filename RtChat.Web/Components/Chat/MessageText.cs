using System.Text.RegularExpressions;

namespace RtChat.Web.Components.Chat;

/// <summary>Splits a message body into plain text and web links; the component escapes both.</summary>
public static partial class MessageText
{
    /// <param name="MentionUserId">The user an <c>@username</c> segment mentions.</param>
    public readonly record struct Segment(string Text, Uri? Link, string? MentionUserId = null);

    /// <summary>As <see cref="Split(string)"/>, with each <c>@username</c> of a <paramref name="mentioned"/> user (by username) its own segment.</summary>
    public static IReadOnlyList<Segment> Split(string body, IReadOnlyDictionary<string, string> mentioned)
    {
        var segments = Split(body);
        if (mentioned.Count == 0) return segments;
        var split = new List<Segment>(segments.Count);
        foreach (var segment in segments)
        {
            if (segment.Link is not null)
            {
                split.Add(segment);
                continue;
            }
            var at = 0;
            foreach (var (index, length, name) in Domain.Chat.Mentions.Tokens(segment.Text))
            {
                if (!mentioned.TryGetValue(name, out var userId)) continue;
                if (index > at) split.Add(new Segment(segment.Text[at..index], null));
                split.Add(new Segment(segment.Text.Substring(index, length), null, userId));
                at = index + length;
            }
            if (at < segment.Text.Length) split.Add(new Segment(segment.Text[at..], null));
        }
        return split;
    }

    public static IReadOnlyList<Segment> Split(string body)
    {
        var segments = new List<Segment>();
        var at = 0;
        foreach (Match match in Url().Matches(body))
        {
            var candidate = match.Value.TrimEnd('.', ',', '!', '?', ';', ':', ')', ']', '\'', '"');
            if (!Uri.TryCreate(candidate, UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https"))
                continue;
            if (match.Index > at) segments.Add(new Segment(body[at..match.Index], null));
            segments.Add(new Segment(candidate, link));
            at = match.Index + candidate.Length;
        }
        if (at < body.Length) segments.Add(new Segment(body[at..], null));
        return segments;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
