using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace RtChat.Web.Realtime;

/// <summary>
/// Loads what a reconnecting page missed: message frames in id order, then the changes after <paramref name="changesSeen"/>
/// (none asked: none sent), or one reload frame past the limit.
/// </summary>
public delegate Task<IReadOnlyList<SocketFrame>> MissedFrames(long afterId, long? changesSeen, CancellationToken cancellationToken);

/// <summary>The page says it has shown the room's messages up to <paramref name="messageId"/> to its reader.</summary>
public delegate void ReadUpTo(long messageId);

/// <summary>
/// One open socket: a bounded queue drained by a single sender, a size-capped reader, and the catch-up step.
/// Until the page says the last message id it shows, live messages are held, so the replay and the live
/// stream meet without gaps; the page skips what it already shows (a resume's overlap, a late copy from another node).
/// </summary>
public sealed class ChatConnection
{
    private readonly WebSocket _socket;
    private readonly RealtimeOptions _options;
    private readonly Channel<ReadOnlyMemory<byte>> _queue;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _dropped = new();
    private readonly Lock _gate = new();
    private List<SocketFrame>? _heldUntilResume = [];
    private HashSet<long> _replayed = [];
    private bool _closing;

    /// <param name="roomId">The room the page shows; none for the site's other pages.</param>
    /// <param name="securityStamp">The sign-in's security stamp when the socket opened: a new one means the session ended.</param>
    public ChatConnection(WebSocket socket, int? roomId, string userId, RealtimeOptions options, string? securityStamp = null)
    {
        SecurityStamp = securityStamp;
        _socket = socket;
        _options = options;
        RoomId = roomId;
        UserId = userId;
        _queue = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(options.SendQueueLimit)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public Guid Id { get; } = Guid.NewGuid();
    public int? RoomId { get; }
    public string UserId { get; }
    public string? SecurityStamp { get; }
    public string? DropReason { get; private set; }

    /// <summary>Queues a frame without waiting; a socket whose queue is full is dropped, never waited for.</summary>
    public void Enqueue(SocketFrame frame)
    {
        lock (_gate)
        {
            if (_closing) return;
            // Only the replay's own copies are skipped: an older message than the page's newest can still be on its way from
            // another node, and the page places it by id (and skips one it has).
            if (frame.CarriesMessage && _replayed.Contains(frame.MessageId))
                return;
            if (frame.WaitsForResume && _heldUntilResume is not null)
            {
                if (_heldUntilResume.Count >= _options.SendQueueLimit) Drop("fell behind while catching up");
                else _heldUntilResume.Add(frame);
                return;
            }
            Write(frame.Payload);
        }
    }

    /// <summary>Sends the missed frames, then the held live ones the replay did not already cover. Once per socket.</summary>
    public void Resume(IReadOnlyList<SocketFrame> missed)
    {
        lock (_gate)
        {
            if (_heldUntilResume is null) return;
            _replayed = missed.Where(f => f.CarriesMessage).Select(f => f.MessageId).ToHashSet();
            foreach (var frame in missed)
                Write(frame.Payload);
            foreach (var frame in _heldUntilResume.Where(f => f.CarriesMessage && !_replayed.Contains(f.MessageId)).OrderBy(f => f.MessageId))
                Write(frame.Payload);
            // After every message: a change is about one the page has by now. The page keeps whichever version is newer.
            foreach (var frame in _heldUntilResume.Where(f => f.ChangesMessage))
                Write(frame.Payload);
            _heldUntilResume = null;
        }
    }

    private bool AwaitingResume
    {
        get { lock (_gate) return _heldUntilResume is not null; }
    }

    /// <summary>Sends <paramref name="notice"/> after what is queued, then closes (policy violation: the page does not reconnect).</summary>
    public void Close(ReadOnlyMemory<byte> notice)
    {
        lock (_gate)
        {
            if (_closing) return;
            _closing = true;
            _heldUntilResume = null;
            Write(notice);
            _queue.Writer.TryComplete();
        }
    }

    public void Drop(string reason)
    {
        DropReason ??= reason;
        _queue.Writer.TryComplete();
        _dropped.Cancel();
        _socket.Abort();
    }

    /// <param name="typed">The page says its reader is typing (room pages only).</param>
    public async Task RunAsync(MissedFrames missedFrames, ReadUpTo read, Action typed, CancellationToken requestAborted)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _dropped.Token);
        var sender = SendQueuedAsync(stopping.Token);
        _ = ResumeIfSilentAsync(stopping.Token);
        try
        {
            await ReceiveAsync(missedFrames, read, typed, stopping.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        finally
        {
            _queue.Writer.TryComplete();
            await stopping.CancelAsync();
            await sender;
        }
    }

    private void Write(ReadOnlyMemory<byte> payload)
    {
        if (!_queue.Writer.TryWrite(payload))
            Drop("stopped reading");
    }

    private async Task SendQueuedAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The wait takes no token: every way a connection stops completes the queue, which ends the loop, and each
            // send still honours the token. A cancelable wait registered on the token once per frame, and in a room's
            // fan-out every socket waits once per message.
            await foreach (var payload in _queue.Reader.ReadAllAsync())
                await SendFrameAsync(payload, cancellationToken);
            if (_closing)
            {
                await CloseAsync(WebSocketCloseStatus.PolicyViolation, "Access ended", cancellationToken);
                // The page answers the close; one that does not is not waited for.
                _dropped.CancelAfter(TimeSpan.FromSeconds(2));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException) { }
    }

    private Task SendFrameAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        SendAsync(static (socket, payload) => socket.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None),
            payload, cancellationToken);

    /// <summary>
    /// One send at a time; a socket that will not take bytes within the send timeout is dropped. Most sends complete at
    /// once (the bytes fit the connection's buffers), and only one that has to wait gets the timeout (a timer each): a
    /// room of 10,000 sockets makes 10,000 sends per message, so this is the fan-out's hot path.
    /// </summary>
    private async Task SendAsync<TState>(Func<WebSocket, TState, ValueTask> send, TState state, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            var sending = send(_socket, state);
            if (sending.IsCompletedSuccessfully)
                sending.GetAwaiter().GetResult();
            else
                await sending.AsTask().WaitAsync(_options.SendTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            Drop("send timed out");
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReceiveAsync(MissedFrames missedFrames, ReadUpTo read, Action typed, CancellationToken cancellationToken)
    {
        var limit = _options.MaxClientFrameBytes;
        while (_socket.State == WebSocketState.Open)
        {
            // An idle socket holds no receive buffer (thousands of them are idle): an empty read waits for the next
            // frame's header, and only then is a buffer borrowed for it.
            var header = await _socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken);
            if (header.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync(WebSocketCloseStatus.NormalClosure, "Bye", cancellationToken);
                return;
            }
            var buffer = ArrayPool<byte>.Shared.Rent(limit);
            try
            {
                var length = 0;
                var ended = header.EndOfMessage;
                while (!ended)
                {
                    var result = await _socket.ReceiveAsync(buffer.AsMemory(length, limit - length), cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await CloseAsync(WebSocketCloseStatus.NormalClosure, "Bye", cancellationToken);
                        return;
                    }
                    length += result.Count;
                    ended = result.EndOfMessage;
                    if (ended || length < limit) continue;
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, $"Frames are at most {limit} bytes.", cancellationToken);
                    await AwaitClientCloseAsync(buffer, cancellationToken);
                    return;
                }
                var frame = buffer.AsSpan(0, length);
                // Only the first resume counts: later ones would cost a history read each for nothing.
                if (AwaitingResume && PageFrames.TryReadResume(frame, out var afterId))
                    Resume(await missedFrames(afterId, PageFrames.TryReadChangesSeen(frame, out var seen) ? seen : null, cancellationToken));
                else if (RoomId is not null && PageFrames.TryReadReadMark(frame, out var readId))
                    read(readId);
                else if (RoomId is not null && PageFrames.IsTyping(frame))
                    typed();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private async Task ResumeIfSilentAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(_options.ResumeWait, cancellationToken);
            Resume([]);
        }
        catch (OperationCanceledException) { }
    }

    private Task CloseAsync(WebSocketCloseStatus status, string description, CancellationToken cancellationToken) =>
        SendAsync(static (socket, close) => socket.State is WebSocketState.Open or WebSocketState.CloseReceived
            ? new ValueTask(socket.CloseOutputAsync(close.status, close.description, CancellationToken.None))
            : ValueTask.CompletedTask, (status, description), cancellationToken);

    /// <summary>After refusing a frame, reads and discards until the client acknowledges the close (briefly).</summary>
    private async Task AwaitClientCloseAsync(byte[] scratch, CancellationToken cancellationToken)
    {
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(TimeSpan.FromSeconds(2));
        while (_socket.State == WebSocketState.CloseSent)
        {
            var result = await _socket.ReceiveAsync(scratch.AsMemory(), grace.Token);
            if (result.MessageType == WebSocketMessageType.Close) return;
        }
    }
}
