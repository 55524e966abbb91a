using RtChat.Web.Components.Chat;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>A committed message and the kind of its room (which decides who lists the room).</summary>
public sealed record PostedMessage(int RoomId, RoomKind Kind, MessageView View);

/// <summary>Turns what happened in a room into one rendered frame for every node's sockets.</summary>
public interface IRoomBroadcaster
{
    /// <summary>Messages committed together, sent in the order given; <paramref name="sent"/> is told of each once it is.</summary>
    Task MessagesPostedAsync(IReadOnlyList<PostedMessage> messages, Action<PostedMessage, Exception?> sent, CancellationToken cancellationToken = default);
}

/// <remarks>The room's page gets the message; everyone else who lists the room gets its activity for their chat list.</remarks>
internal sealed class RoomBroadcaster(ChatFrames frames, IBackplane backplane, RoomListers listers) : IRoomBroadcaster
{
    public async Task MessagesPostedAsync(IReadOnlyList<PostedMessage> messages, Action<PostedMessage, Exception?> sent,
        CancellationToken cancellationToken = default)
    {
        var listing = await listers.OfAsync(messages.Select(m => (m.RoomId, m.Kind)), cancellationToken);
        foreach (var message in messages)
        {
            try
            {
                await backplane.PublishAsync(await frames.MessageAsync(message.RoomId, message.View), cancellationToken);
                await backplane.PublishAsync(await frames.ActivityAsync(listing[message.RoomId], message.RoomId, message.View), cancellationToken);
                sent(message, null);
            }
            catch (Exception e)
            {
                sent(message, e);
            }
        }
    }
}
