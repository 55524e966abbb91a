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
        // A room's messages in the order given, then one chat-list frame for them all: the pages elsewhere take a batch's
        // activity in a frame, not one a message (a member's other pages get them all).
        foreach (var room in messages.GroupBy(m => m.RoomId))
        {
            var published = new HashSet<PostedMessage>();
            try
            {
                foreach (var message in room)
                {
                    await backplane.PublishAsync(await frames.MessageAsync(message.RoomId, message.View), cancellationToken);
                    published.Add(message);
                }
                await backplane.PublishAsync(await frames.ActivityAsync(listing[room.Key], room.Key, room.Select(m => m.View).ToList()), cancellationToken);
            }
            catch (Exception e)
            {
                // A message that reached its room's page is sent, even if the chat lists missed it.
                foreach (var message in room.Where(m => !published.Contains(m))) sent(message, e);
            }
            foreach (var message in published) sent(message, null);
        }
    }
}
