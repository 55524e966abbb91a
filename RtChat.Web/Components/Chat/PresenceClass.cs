using System.Text.RegularExpressions;

namespace RtChat.Web.Components.Chat;

/// <summary>The CSS class that turns a user's presence dots green, and the rules that do it.</summary>
public static partial class PresenceClass
{
    /// <summary>Identity ids are GUID strings; anything else could escape the selector, so it gets no class.</summary>
    public static string For(string userId) => IsSafe(userId) ? $"presence-u-{userId}" : "presence-u-invalid";

    /// <summary>Whether the id can go into a selector as it is.</summary>
    public static bool IsSafe(string userId) => SafeId().IsMatch(userId);

    /// <summary>One rule turning every listed user's dots green (empty for nobody).</summary>
    public static string OnlineRule(IEnumerable<string> userIds)
    {
        var selectors = string.Join(",", userIds.Select(id => "." + For(id)));
        return selectors.Length == 0 ? "" : selectors + "{background-color:var(--presence-online,#22c55e)}";
    }

    /// <summary>
    /// Turns a user's dots back to the stylesheet's own colour. Presence rules sit outside any cascade layer, so a
    /// later one wins over an earlier green rule for the same class, and <c>revert-layer</c> falls back to the dot's
    /// colour from the components layer.
    /// </summary>
    public static string OfflineRule(string userId) => $".{For(userId)}{{background-color:revert-layer}}";

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex SafeId();
}
