using RtChat.Web.Components.Chat;

namespace RtChat.Web.Realtime;

/// <summary>Turns what happened in a room into one rendered frame for every node's sockets.</summary>
public interface IRoomBroadcaster
{
    Task MessagePostedAsync(string room, MessageView message, CancellationToken cancellationToken = default);
}

internal sealed class RoomBroadcaster(ChatFrames frames, IBackplane backplane) : IRoomBroadcaster
{
    public async Task MessagePostedAsync(string room, MessageView message, CancellationToken cancellationToken = default) =>
        await backplane.PublishAsync(await frames.MessageAsync(room, message), cancellationToken);
}
