using RtChat.Web.Data;

namespace RtChat.Web.Realtime;

/// <summary>
/// One message on the backplane's channel: a frame for the sockets, caches to forget, a user's revoked sessions, the
/// message and change after which pages may have missed some (a node was cut off from Redis, or died), or someone typing in a room.
/// </summary>
public sealed record BackplaneMessage(
    Guid Sender, SocketFrame? Frame = null, StaleCaches? Stale = null, string? RevokedUser = null, CatchUpPoint? CatchUpAfter = null,
    TypingSignal? Typing = null);

/// <summary>The newest message and message change a node delivered (or published) before pages may have missed some.</summary>
public sealed record CatchUpPoint(long MessageId, long ChangeId);

/// <summary>Someone's page said they are typing in a room (<see cref="TypingRooms"/>).</summary>
public sealed record TypingSignal(int RoomId, string UserId);

/// <summary>
/// The backplane's bytes: a version, the kind, the sending node, then the kind's fields. Reading refuses anything else
/// (<see cref="InvalidDataException"/>): the channel is shared, and a stray publisher must not reach a socket.
/// </summary>
public static class BackplaneWire
{
    private const byte Version = 1;
    private enum Kind : byte { Frame = 1, Forget = 2, Revoked = 3, CatchUp = 4, Typing = 5 }

    public static byte[] Encode(BackplaneMessage message) => Write(writer =>
    {
        writer.Write(Version);
        writer.Write((byte)KindOf(message));
        writer.Write(message.Sender.ToByteArray());
        if (message.Frame is { } frame) WriteFrame(writer, frame);
        else if (message.Stale is { } stale) WriteStale(writer, stale);
        else if (message.RevokedUser is { } userId) writer.Write(userId);
        else if (message.Typing is { } typing)
        {
            writer.Write(typing.RoomId);
            writer.Write(typing.UserId);
        }
        else
        {
            var point = message.CatchUpAfter ?? throw new ArgumentException("A message carries something.", nameof(message));
            writer.Write(point.MessageId);
            writer.Write(point.ChangeId);
        }
    });

    public static BackplaneMessage Decode(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        try
        {
            if (reader.ReadByte() != Version) throw new InvalidDataException("Unknown version.");
            var kind = (Kind)reader.ReadByte();
            var sender = new Guid(reader.ReadBytes(16));
            var message = kind switch
            {
                Kind.Frame => new BackplaneMessage(sender, Frame: ReadFrame(reader)),
                Kind.Forget => new BackplaneMessage(sender, Stale: ReadStale(reader)),
                Kind.Revoked => new BackplaneMessage(sender, RevokedUser: reader.ReadString()),
                Kind.CatchUp => new BackplaneMessage(sender, CatchUpAfter: new CatchUpPoint(reader.ReadInt64(), reader.ReadInt64())),
                Kind.Typing => new BackplaneMessage(sender, Typing: new TypingSignal(reader.ReadInt32(), reader.ReadString())),
                _ => throw new InvalidDataException($"Unknown kind {kind}."),
            };
            if (reader.BaseStream.Position != reader.BaseStream.Length) throw new InvalidDataException("Trailing bytes.");
            return message;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or ArgumentException)
        {
            throw new InvalidDataException("A truncated or malformed message.", e);
        }
    }

    private static Kind KindOf(BackplaneMessage message) =>
        message.Frame is not null ? Kind.Frame
        : message.Stale is not null ? Kind.Forget
        : message.RevokedUser is not null ? Kind.Revoked
        : message.Typing is not null ? Kind.Typing
        : Kind.CatchUp;

    private static void WriteFrame(BinaryWriter writer, SocketFrame frame)
    {
        var to = frame.To;
        writer.Write((byte)to.Kind);
        writer.Write(to.RoomId);
        writer.Write(to.UserIds is not null);
        if (to.UserIds is not null) WriteStrings(writer, to.UserIds);
        writer.Write(to.ExceptRoomId);
        writer.Write(to.SparedStamp is not null);
        if (to.SparedStamp is not null) writer.Write(to.SparedStamp);
        writer.Write(frame.MessageId);
        writer.Write(frame.EndsSocket);
        writer.Write(frame.ChangeId);
        writer.Write(frame.Payload.Length);
        writer.Write(frame.Payload.Span);
    }

    private static SocketFrame ReadFrame(BinaryReader reader)
    {
        var kind = (AudienceKind)reader.ReadByte();
        if (!Enum.IsDefined(kind)) throw new InvalidDataException($"Unknown audience {kind}.");
        var to = new Audience(kind, reader.ReadInt32(), reader.ReadBoolean() ? ReadStrings(reader) : null, reader.ReadInt32(),
            reader.ReadBoolean() ? reader.ReadString() : null);
        var (messageId, endsSocket, changeId) = (reader.ReadInt64(), reader.ReadBoolean(), reader.ReadInt64());
        var payload = reader.ReadBytes(Length(reader));
        if (payload.Length == 0 && !endsSocket) throw new InvalidDataException("An empty frame.");
        return new SocketFrame(to, payload, messageId, endsSocket, changeId);
    }

    private static void WriteStale(BinaryWriter writer, StaleCaches stale)
    {
        WriteStrings(writer, stale.Users);
        WriteStrings(writer, stale.Rooms);
        writer.Write(stale.RoomPages.Count);
        foreach (var room in stale.RoomPages) writer.Write(room);
        writer.Write(stale.AllPages);
    }

    private static StaleCaches ReadStale(BinaryReader reader)
    {
        var (users, rooms) = (ReadStrings(reader), ReadStrings(reader));
        var pages = new int[Length(reader)];
        for (var i = 0; i < pages.Length; i++) pages[i] = reader.ReadInt32();
        return new StaleCaches(users, rooms, pages, reader.ReadBoolean());
    }

    private static void WriteStrings(BinaryWriter writer, IReadOnlyCollection<string> strings)
    {
        writer.Write(strings.Count);
        foreach (var s in strings) writer.Write(s);
    }

    private static string[] ReadStrings(BinaryReader reader)
    {
        var strings = new string[Length(reader)];
        for (var i = 0; i < strings.Length; i++) strings[i] = reader.ReadString();
        return strings;
    }

    // A count or length no longer than the bytes left: garbage must not make the reader allocate gigabytes.
    private static int Length(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
            throw new InvalidDataException($"A length of {length} past the message's end.");
        return length;
    }

    private static byte[] Write(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream)) write(writer);
        return stream.ToArray();
    }
}
