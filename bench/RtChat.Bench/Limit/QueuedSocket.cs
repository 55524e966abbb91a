using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace RtChat.Bench.Limit;

/// <summary>
/// A reference server's socket, sent to as the app's sockets are: one bounded queue and one sender, the frames encoded
/// once by whoever broadcasts them.
/// </summary>
internal sealed class QueuedSocket(WebSocket socket, int queueLimit)
{
    private readonly Channel<byte[]> _queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(queueLimit)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public WebSocket Socket { get; } = socket;

    /// <summary>Never waits: a socket whose queue is full is dropped, as in the app.</summary>
    public void Enqueue(byte[] frame)
    {
        if (!_queue.Writer.TryWrite(frame))
        {
            _queue.Writer.TryComplete();
            Socket.Abort();
        }
    }

    public void Complete() => _queue.Writer.TryComplete();

    public async Task SendQueuedAsync()
    {
        try
        {
            await foreach (var frame in _queue.Reader.ReadAllAsync())
                await Socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException or OperationCanceledException) { }
    }
}

/// <summary>A reference server's open sockets (or one room's), each served from its accepting request until it closes.</summary>
internal sealed class SocketSet(int queueLimit)
{
    private static long _nextId;
    private readonly ConcurrentDictionary<long, QueuedSocket> _sockets = new();

    public ICollection<QueuedSocket> All => _sockets.Values;

    /// <summary>Accepts the socket and sends from its queue while <paramref name="receive"/> reads it, until either ends.</summary>
    public async Task ServeAsync(HttpContext http, Func<QueuedSocket, CancellationToken, Task> receive)
    {
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = new QueuedSocket(socket, queueLimit);
        var id = Interlocked.Increment(ref _nextId);
        _sockets[id] = connection;
        try
        {
            var sender = connection.SendQueuedAsync();
            await receive(connection, http.RequestAborted);
            connection.Complete();
            await sender;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException) { }
        finally
        {
            _sockets.TryRemove(id, out _);
            connection.Complete();
        }
    }
}
