using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Realtime;

namespace RtChat.Web.Data;

/// <summary>
/// The one way messages are deleted (one, or all of a banned author's): in one transaction with the rest of the unit of
/// work (the audit line), then each room's kept newest page is forgotten and its open pages drop the messages live.
/// An attachment's files need nothing here: the database queues them as its row goes (<see cref="Domain.Chat.Attachment"/>).
/// Each deletion is logged as a change, so a page that is away while this happens drops the message when it resumes.
/// </summary>
public sealed class MessageDeletion(AppDbContext db, NewestPages pages, ChatFrames frames, IBackplane backplane, TimeProvider clock)
{
    /// <summary>Past this many in one room, its open pages reload instead of being sent every id.</summary>
    public const int MaxIdsPerFrame = 500;

    /// <param name="which">The messages to delete.</param>
    /// <param name="alongside">
    /// Other changes that stand or fall with the deletion, given how many messages go; they run in its transaction.
    /// </param>
    /// <returns>How many messages were deleted.</returns>
    public async Task<int> DeleteAsync(Expression<Func<ChatMessage, bool>> which, Func<int, Task>? alongside = null,
        CancellationToken cancellationToken = default)
    {
        List<DeletedMessage> deleted;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            deleted = await db.Messages.Where(which).Select(m => new DeletedMessage(m.Id, m.RoomId)).ToListAsync(cancellationToken);
            if (alongside is not null) await alongside(deleted.Count);
            var now = clock.GetUtcNow();
            db.MessageChanges.AddRange(deleted.Select(m => new MessageChange(m.RoomId, m.Id, now)));
            foreach (var chunk in deleted.Chunk(MaxIdsPerFrame))
            {
                var ids = chunk.Select(m => m.Id).ToList();
                await db.Messages.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var room in deleted.GroupBy(m => m.RoomId))
        {
            // A bulk delete passes by the cache forgetting that saves do, so the room's page is forgotten here.
            pages.Forget(room.Key);
            var ids = room.Select(m => m.Id).ToList();
            await backplane.PublishAsync(ids.Count > MaxIdsPerFrame ? await frames.ReloadAsync(room.Key) : await frames.MessagesRemovedAsync(room.Key, ids),
                CancellationToken.None);
        }
        return deleted.Count;
    }

    private sealed record DeletedMessage(long Id, int RoomId);
}
