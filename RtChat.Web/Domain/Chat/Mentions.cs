using System.Text.RegularExpressions;

namespace RtChat.Web.Domain.Chat;

/// <summary>A user a body may mention, as the database knows them.</summary>
/// <param name="Username">Lowercase, as stored.</param>
public sealed record MentionedUser(string Id, string Username);

/// <summary>
/// The <c>@username</c> tokens of a body: an <c>@</c> at the start or after a space or punctuation (not inside an email
/// address or a web address), then a whole username (<see cref="Username"/>).
/// </summary>
public static partial class Mentions
{
    /// <summary>The most users one message mentions; past them, names show as plain text.</summary>
    public const int MaxPerMessage = 20;

    /// <summary>Distinct names looked up per message: a body full of <c>@x</c> costs one bounded query.</summary>
    public const int MaxLookedUp = 50;

    /// <summary>The distinct usernames named, lowercase, in order of first mention; none (and no work) without an <c>@</c>.</summary>
    public static IReadOnlyList<string> Named(string? body)
    {
        if (string.IsNullOrEmpty(body) || !body.Contains('@')) return [];
        var names = new List<string>();
        foreach (Match match in Token().Matches(body))
        {
            var name = match.Groups[1].Value.ToLowerInvariant();
            if (!names.Contains(name)) names.Add(name);
            if (names.Count == MaxLookedUp) break;
        }
        return names;
    }

    /// <summary>Each <c>@username</c> token of <paramref name="text"/>: where the <c>@</c> is, and the name as typed.</summary>
    public static IEnumerable<(int Index, int Length, string Name)> Tokens(string text)
    {
        if (!text.Contains('@')) yield break;
        foreach (Match match in Token().Matches(text))
            yield return (match.Index, match.Length, match.Groups[1].Value);
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-@./:])@([A-Za-z0-9_-]{3,20})(?![A-Za-z0-9_-])")]
    private static partial Regex Token();
}
