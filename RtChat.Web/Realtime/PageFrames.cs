using System.Text.Json;

namespace RtChat.Web.Realtime;

/// <summary>
/// What a page may say over its socket: <c>{"after": 123, "changes": 45}</c>, the newest message id it shows and the
/// newest change of its messages it has applied, <c>{"read": 123}</c>,
/// the newest its reader has seen, and <c>{"typing": true}</c>, its reader is typing. Anything else is ignored.
/// </summary>
public static class PageFrames
{
    public static bool TryReadResume(ReadOnlySpan<byte> frame, out long afterId) => TryReadNumber(frame, "after"u8, out afterId);

    public static bool TryReadChangesSeen(ReadOnlySpan<byte> frame, out long changeId) => TryReadNumber(frame, "changes"u8, out changeId);

    public static bool TryReadReadMark(ReadOnlySpan<byte> frame, out long messageId) => TryReadNumber(frame, "read"u8, out messageId);

    public static bool IsTyping(ReadOnlySpan<byte> frame) => TryFind(frame, "typing"u8, out var value) && value.TokenType == JsonTokenType.True;

    private static bool TryReadNumber(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> name, out long number)
    {
        number = 0;
        if (TryFind(frame, name, out var value) && value.TokenType == JsonTokenType.Number && value.TryGetInt64(out number) && number >= 0)
            return true;
        number = 0;
        return false;
    }

    /// <summary>The reader on the value of the top-level property <paramref name="name"/>.</summary>
    private static bool TryFind(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> name, out Utf8JsonReader value)
    {
        value = default;
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isNamed = reader.ValueTextEquals(name);
                if (!reader.Read()) return false;
                if (isNamed)
                {
                    value = reader;
                    return true;
                }
                reader.Skip();
            }
        }
        catch (JsonException) { }
        return false;
    }
}
