using System.Collections.Concurrent;
using RtChat.Web.Components.Chat;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>Posts a message: the rule check, the commit, then the broadcast, in that order.</summary>
public sealed class ChatPosting(AppDbContext db, ChatHistory history, IRoomBroadcaster broadcaster, RoomSequencer sequencer,
    ChatOptions options, TimeProvider clock)
{
    public async Task<MessageView> PostAsync(ChatRoom room, string authorId, string? body, CancellationToken cancellationToken = default)
    {
        var message = room.Post(authorId, body, options.Rules, clock.GetUtcNow());
        using var _ = await sequencer.EnterAsync(room.Name, cancellationToken);
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        var view = await history.OneAsync(message.Id, cancellationToken);
        await broadcaster.MessagePostedAsync(room.Name, view, cancellationToken);
        return view;
    }
}

/// <summary>
/// One commit-and-broadcast at a time per room on this node, so sockets receive a room's messages in id order
/// (and a resuming page's "last id" never skips a message still on its way).
/// </summary>
public sealed class RoomSequencer
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _rooms = new();

    public async Task<IDisposable> EnterAsync(string room, CancellationToken cancellationToken)
    {
        var gate = _rooms.GetOrAdd(room, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
