using System.Text.Json;

namespace RtChat.Web.Realtime;

/// <summary>
/// What a page may say over its socket: <c>{"after": 123}</c>, the newest message id it shows, and <c>{"read": 123}</c>,
/// the newest its reader has seen. Anything else is ignored.
/// </summary>
public static class PageFrames
{
    public static bool TryReadResume(ReadOnlySpan<byte> frame, out long afterId) => TryReadNumber(frame, "after"u8, out afterId);

    public static bool TryReadReadMark(ReadOnlySpan<byte> frame, out long messageId) => TryReadNumber(frame, "read"u8, out messageId);

    private static bool TryReadNumber(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> name, out long number)
    {
        number = 0;
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isNamed = reader.ValueTextEquals(name);
                if (!reader.Read()) return false;
                if (isNamed && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out number) && number >= 0)
                    return true;
                reader.Skip();
            }
        }
        catch (JsonException) { }
        number = 0;
        return false;
    }
}
