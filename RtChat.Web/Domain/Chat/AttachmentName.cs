using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RtChat.Web.Domain.Chat;

/// <summary>
/// A shared file's name as people see it: the last path segment only, without control or direction-changing
/// characters (a right-to-left override can make <c>exe.pdf</c> read as <c>fdp.exe</c>), at most
/// <see cref="MaxLength"/> characters keeping the extension. It is only ever shown and sent as a download name.
/// </summary>
public static partial class AttachmentName
{
    public const int MaxLength = 120;
    public const string Fallback = "file";
    public const string DefaultContentType = "application/octet-stream";

    public static string Clean(string? raw)
    {
        var lastSegment = (raw ?? "").Split('/', '\\').Last();
        var kept = new StringBuilder(Math.Min(lastSegment.Length, MaxLength * 2));
        foreach (var rune in lastSegment.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                kept.Append(' ');
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator)
                continue;
            kept.Append(rune.ToString());
        }
        var name = Spaces().Replace(kept.ToString(), " ").Trim(' ', '.');
        if (name.Length == 0) return Fallback;
        return name.Length <= MaxLength ? name : Shorten(name);
    }

    /// <summary>A declared type in its plain shape (<c>type/subtype</c>), else the generic one; shown only, never served.</summary>
    public static string CleanContentType(string? declared)
    {
        var type = declared?.Split(';')[0].Trim().ToLowerInvariant();
        return type is { Length: <= 100 } && ContentTypeShape().IsMatch(type) ? type : DefaultContentType;
    }

    /// <summary>The extension people recognise a file by (<c>PDF</c>), or null.</summary>
    public static string? KindOf(string name)
    {
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 ? name[(dot + 1)..] : "";
        return extension.Length is > 0 and <= 8 && extension.All(char.IsAsciiLetterOrDigit) ? extension.ToUpperInvariant() : null;
    }

    private static string Shorten(string name)
    {
        var extension = KindOf(name) is null ? "" : name[name.LastIndexOf('.')..];
        var stem = name[..^extension.Length];
        var room = MaxLength - extension.Length - 1;
        // Cut between whole characters: half of a surrogate pair or of a combined letter is not a character.
        var cut = StringInfo.ParseCombiningCharacters(stem).TakeWhile(start => start <= room).LastOrDefault();
        return stem[..cut].TrimEnd(' ', '.') + "…" + extension;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$")]
    private static partial Regex ContentTypeShape();
}
