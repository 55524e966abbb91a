using System.Text.RegularExpressions;
using RtChat.Web.Domain;

namespace RtChat.Web.Data.Search;

/// <summary>
/// What someone typed into the search box, as the words to find: runs of letters and digits, everything else a
/// separator (as the index splits bodies). Each word matches as a word's beginning ("plan" finds "planning"); all must match.
/// </summary>
public sealed partial class SearchTerms
{
    public const int MaxLength = 200;
    public const int MaxWords = 10;

    private SearchTerms(IReadOnlyList<string> words) => Words = words;

    /// <summary>Only letters, digits and combining marks: nothing in them means anything to FTS5 or to LIKE.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <exception cref="DomainRuleException">Nothing to search for, or too much.</exception>
    public static SearchTerms Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) throw new DomainRuleException("Type a word to search for.");
        if (trimmed.Length > MaxLength)
            throw new DomainRuleException($"Searches are at most {MaxLength} characters; this one has {trimmed.Length:N0}.");
        var words = Word().Matches(trimmed).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (words.Count == 0) throw new DomainRuleException("Search for words: letters or digits, not only symbols.");
        if (words.Count > MaxWords) throw new DomainRuleException($"Search for at most {MaxWords} words; this search has {words.Count}.");
        return new SearchTerms(words);
    }

    /// <summary>
    /// The FTS5 query: each word a quoted prefix term, all of them required. Quoting makes every word a plain string
    /// (no operator, column filter or NEAR), and the words hold no quote to break out of it.
    /// </summary>
    public string ToFts5Match() => string.Join(" ", Words.Select(word => $"\"{word}\"*"));

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex Word();
}
