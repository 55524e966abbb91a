using System.Text.RegularExpressions;

namespace RtChat.Web.Components.Chat;

/// <summary>Splits a message body into plain text and web links; the component escapes both.</summary>
public static partial class MessageText
{
    public readonly record struct Segment(string Text, Uri? Link);

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
