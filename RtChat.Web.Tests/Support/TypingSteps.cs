using System.Text.RegularExpressions;

namespace RtChat.Web.Tests.Support;

/// <summary>What a page says while its reader types, and the room's "who is typing" frames.</summary>
public static partial class TypingSteps
{
    public const string Typing = """{"typing":true}""";

    public static Task SendTypingAsync(this ChatSocket socket) => socket.SendTextAsync(Typing);

    public static bool IsTypingFrame(string frame) => frame.Contains("id=\"typing\"", StringComparison.Ordinal);

    /// <summary>The ids of the users a typing frame lists.</summary>
    public static IReadOnlyList<string> TypersIn(string frame) =>
        Typer().Matches(frame).Select(m => m.Groups["id"].Value).ToList();

    /// <summary>Waits for the typing frame that lists exactly <paramref name="userIds"/> (none: nobody types).</summary>
    public static Task<string> WaitForTypersAsync(this ChatSocket socket, TimeSpan? patience = null, params string[] userIds) =>
        socket.WaitForAsync(frame => IsTypingFrame(frame) && TypersIn(frame).Order().SequenceEqual(userIds.Order()),
            userIds.Length == 0 ? "nobody typing" : $"exactly {string.Join(", ", userIds)} typing", patience);

    [GeneratedRegex("""<span data-user-id="(?<id>[^"]+)"[^>]*>""")]
    private static partial Regex Typer();
}
