using System.Text.RegularExpressions;

namespace RtChat.Web.Components.Chat;

/// <summary>The CSS class that turns a user's presence dots green.</summary>
public static partial class PresenceClass
{
    /// <summary>Identity ids are GUID strings; anything else could escape the selector, so it gets no class.</summary>
    public static string For(string userId) => SafeId().IsMatch(userId) ? $"presence-u-{userId}" : "presence-u-invalid";

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex SafeId();
}
