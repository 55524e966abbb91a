using System.Threading.Channels;
using RtChat.Web.Realtime;

namespace RtChat.Bench.Throughput;

/// <summary>
/// The app's MessageCommitter without the app: the same bounded queue and batches (whatever queued meanwhile, at most
/// <see cref="MessageCommitter.BatchLimit"/>), one transaction a batch, then each message broadcast in id order and its
/// post released. Only the work between differs: plain SQL for EF Core, a fixed frame for the rendered fragment.
/// </summary>
internal sealed class ReferenceCommitter(ReferenceDatabase database, RoomSockets sockets, int frameBytes)
{
    /// <summary>As MessageCommitter's (private) queue limit.</summary>
    private const int QueueLimit = 4096;

    private sealed record Pending(NewMessage Message, TaskCompletionSource Done);

    // Synchronous continuations as in the app: a post that finds the loop waiting runs the next batch itself.
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(QueueLimit)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
        AllowSynchronousContinuations = true,
    });

    public async Task CommitAsync(NewMessage message, CancellationToken cancellationToken)
    {
        var pending = new Pending(message, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        await pending.Done.Task.WaitAsync(cancellationToken);
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MessageCommitter.BatchLimit);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MessageCommitter.BatchLimit && _queue.Reader.TryRead(out var pending))
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
        IReadOnlyList<StoredMessage> stored;
        try
        {
            stored = await database.InsertAsync(batch.Select(p => p.Message).ToList());
        }
        catch (Exception e)
        {
            foreach (var pending in batch) pending.Done.TrySetException(e);
            return;
        }
        for (var i = 0; i < stored.Count; i++)
        {
            sockets.Broadcast(stored[i].RoomId, MessageFrame.Encode(stored[i], frameBytes));
            batch[i].Done.TrySetResult();
        }
    }
}
