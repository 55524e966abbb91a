using System.Threading.Channels;
using RtChat.Web.Components.Chat;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>
/// Commits posted messages and broadcasts them, in batches: posts hand their message over and wait, and one loop takes
/// everything that queued meanwhile, commits it in one transaction, reads the views back in one query and broadcasts
/// them in id order, so a room's sockets see its messages in id order (a resuming page's "last id" never skips one
/// still on its way). Taking turns per post instead (SQLite has one writer) handed each turn to the next post through
/// the thread pool's queue, behind every socket send: at 1,250 messages/s posts waited 200–600 ms for their turn while
/// the commits themselves took under a millisecond.
/// </summary>
public sealed class MessageCommitter(IServiceScopeFactory scopes, IRoomBroadcaster broadcaster, ILogger<MessageCommitter> logger)
    : BackgroundService
{
    /// <summary>The most messages one transaction carries.</summary>
    public const int BatchLimit = 256;

    /// <summary>Posts waiting for the loop; past this many a post waits to hand its message over.</summary>
    private const int QueueLimit = 4096;

    private sealed record Pending(RoomKind Kind, ChatMessage Message, TaskCompletionSource<MessageView> Done);

    // A post that finds the loop waiting runs its next batch itself, inline, instead of queueing the loop behind every
    // socket send in the thread pool (in the fan-out bench that wait set the post's round trip); the loop then yields,
    // so that post goes on to answer and later batches run on the pool.
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(QueueLimit)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
        AllowSynchronousContinuations = true,
    });

    /// <summary>
    /// The message as sockets were sent it, once it is committed and broadcast. A post whose request ends first is still
    /// sent: it was handed over.
    /// </summary>
    public async Task<MessageView> CommitAsync(ChatRoom room, ChatMessage message, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(room.Kind, message, new TaskCompletionSource<MessageView>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(BatchLimit);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < BatchLimit && _queue.Reader.TryRead(out var pending))
                    batch.Add(pending);
                await CommitAndBroadcastAsync(batch);
                batch.Clear();
                await Task.Yield();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var left))
            left.Done.TrySetCanceled(stoppingToken);
    }

    private async Task CommitAndBroadcastAsync(IReadOnlyList<Pending> batch)
    {
        IReadOnlyList<MessageView> views;
        try
        {
            views = await CommitAsync(batch);
        }
        catch (Exception e)
        {
            if (batch.Count == 1)
            {
                batch[0].Done.TrySetException(e);
                return;
            }
            // One message that cannot be stored (its room just deleted) must not take the others with it.
            logger.LogWarning(e, "A batch of {Count} messages failed; committing them one at a time", batch.Count);
            foreach (var pending in batch)
                await CommitAndBroadcastAsync([pending]);
            return;
        }
        var byId = batch.ToDictionary(p => p.Message.Id);
        try
        {
            await broadcaster.MessagesPostedAsync(views.Select(v => new PostedMessage(byId[v.Id].Message.RoomId, byId[v.Id].Kind, v)).ToList(),
                (posted, failure) =>
                {
                    var done = byId[posted.View.Id].Done;
                    if (failure is null) done.TrySetResult(posted.View);
                    else done.TrySetException(failure);
                });
        }
        catch (Exception e)
        {
            // Reading who lists the rooms failed: none of the batch went out.
            foreach (var view in views) byId[view.Id].Done.TrySetException(e);
        }
        // A message not read back went with its author or room, deleted since the commit: its post must not wait on.
        foreach (var pending in batch)
            pending.Done.TrySetException(new DomainRuleException("This message was removed before it could be sent."));
    }

    private async Task<IReadOnlyList<MessageView>> CommitAsync(IReadOnlyList<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Messages.AddRange(batch.Select(p => p.Message));
        await db.SaveChangesAsync();
        return await scope.ServiceProvider.GetRequiredService<ChatHistory>().ManyAsync(batch.Select(p => p.Message.Id).ToList());
    }
}
