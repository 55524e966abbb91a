namespace RtChat.Web.Realtime;

/// <summary>
/// Bytes rendered once for a room (or, with no room, for every socket). <see cref="MessageId"/> is set when the
/// frame carries a chat message, so a socket that is catching up can tell it from one it replayed.
/// </summary>
public sealed record RoomFrame(string? Room, ReadOnlyMemory<byte> Payload, long MessageId = 0)
{
    public bool CarriesMessage => MessageId > 0;
}
