using Microsoft.EntityFrameworkCore;
using RtChat.Web.Components.Chat;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>
/// The one way a sent message changes (edited, deleted by its author, reacted to): the unit of work is saved with a
/// logged change in one transaction, the message takes the change's id as its version, and the room's open pages get the
/// message as it is now. A page that was away gets the changes after the newest it saw when it resumes (<see cref="MissedMessages"/>).
/// </summary>
public sealed class MessageUpdates(AppDbContext db, ChatHistory history, ChatFrames frames, IBackplane backplane, TimeProvider clock)
{
    /// <returns>The message as pages now show it.</returns>
    public async Task<MessageView?> SaveAsync(ChatMessage message, CancellationToken cancellationToken = default)
    {
        var change = new MessageChange(message.RoomId, message.Id, clock.GetUtcNow());
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.MessageChanges.Add(change);
            await db.SaveChangesAsync(cancellationToken);
            // Never backwards: on SQL Server two changes of one message can commit in either order.
            await db.Messages.Where(m => m.Id == message.Id && m.Version < change.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Version, change.Id), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // Committed: the pages are told even if the request that asked has gone.
        var now = (await history.ManyAsync([message.Id], CancellationToken.None)).FirstOrDefault();
        await backplane.PublishAsync(await frames.MessageChangedAsync(change, now), CancellationToken.None);
        return now;
    }
}
