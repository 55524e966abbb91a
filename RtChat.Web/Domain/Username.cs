using System.Text.RegularExpressions;

namespace RtChat.Web.Domain;

/// <summary>The rules every username follows, whichever way the account is created.</summary>
public static partial class Username
{
    public const int MinLength = 3;
    public const int MaxLength = 20;
    public const string AllowedCharacters = "abcdefghijklmnopqrstuvwxyz0123456789_-";
    public const string Rule = "3–20 characters: lowercase letters, digits, _ and -";

    public static string Normalize(string input) => input.Trim().ToLowerInvariant();

    public static bool IsValid(string? username) =>
        username is not null && Pattern().IsMatch(username);

    [GeneratedRegex("^[a-z0-9_-]{3,20}$")]
    private static partial Regex Pattern();
}
