namespace RtChat.Web.Realtime;

/// <summary>
/// Bytes rendered once for an <see cref="Audience"/>. <see cref="MessageId"/> is set when the frame carries a chat
/// message, so a socket that is catching up can tell it from one it replayed. <see cref="ChangeId"/> is set when it
/// carries a sent message as it is now (edited, deleted, reacted to). A frame that <see cref="EndsSocket"/> is the last
/// its sockets get (why their access ended), and then they close.
/// </summary>
public sealed record SocketFrame(Audience To, ReadOnlyMemory<byte> Payload, long MessageId = 0, bool EndsSocket = false,
    long ChangeId = 0)
{
    public bool CarriesMessage => MessageId > 0;

    public bool ChangesMessage => ChangeId > 0;

    /// <summary>Held while its socket catches up, so it lands after the replay of the message it changes.</summary>
    public bool WaitsForResume => CarriesMessage || ChangesMessage;
}

public enum AudienceKind { Room, Everyone, Users }

/// <summary>
/// Which sockets a frame is for: the sockets on a room's page (all, or only some users'), every socket, or every socket
/// of some users. A frame about a room for the pages that do not show it (a chat list's badge) leaves out that room's
/// page with <see cref="ExceptRoomId"/>.
/// </summary>
/// A frame ending sessions spares the sockets opened with <see cref="SparedStamp"/> (the session that asked).
public sealed record Audience(AudienceKind Kind, int RoomId = 0, IReadOnlyCollection<string>? UserIds = null, int ExceptRoomId = 0,
    string? SparedStamp = null)
{
    public static readonly Audience Everyone = new(AudienceKind.Everyone);

    public static Audience Room(int roomId, IReadOnlyCollection<string>? onlyUserIds = null) => new(AudienceKind.Room, roomId, onlyUserIds);

    public static Audience Users(params IReadOnlyCollection<string> userIds) => new(AudienceKind.Users, UserIds: userIds);

    /// <summary>This audience without the sockets on <paramref name="roomId"/>'s page.</summary>
    public Audience Except(int roomId) => this with { ExceptRoomId = roomId };

    public bool Includes(ChatConnection connection) =>
        (ExceptRoomId == 0 || connection.RoomId != ExceptRoomId)
        && (Kind != AudienceKind.Room || UserIds is null || UserIds.Contains(connection.UserId))
        && (SparedStamp is null || connection.SecurityStamp != SparedStamp);
}
