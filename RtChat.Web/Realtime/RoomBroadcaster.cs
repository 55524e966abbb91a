using RtChat.Web.Components.Chat;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>Turns what happened in a room into one rendered frame for every node's sockets.</summary>
public interface IRoomBroadcaster
{
    Task MessagePostedAsync(int roomId, RoomKind kind, MessageView message, CancellationToken cancellationToken = default);
}

/// <remarks>The room's page gets the message; everyone else who lists the room gets its activity for their chat list.</remarks>
internal sealed class RoomBroadcaster(ChatFrames frames, IBackplane backplane, RoomListers listers) : IRoomBroadcaster
{
    public async Task MessagePostedAsync(int roomId, RoomKind kind, MessageView message, CancellationToken cancellationToken = default)
    {
        await backplane.PublishAsync(await frames.MessageAsync(roomId, message), cancellationToken);
        await backplane.PublishAsync(await frames.ActivityAsync(await listers.OfAsync(roomId, kind, cancellationToken), roomId, message), cancellationToken);
    }
}
