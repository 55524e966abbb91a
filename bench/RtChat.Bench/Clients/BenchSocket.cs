using System.Buffers;
using System.Net.WebSockets;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Clients;

/// <summary>Called for every whole text frame a socket receives, on that socket's reader (one at a time per socket).</summary>
public delegate void FrameHandler(BenchSocket socket, ReadOnlySpan<byte> frame);

/// <summary>
/// One load client: a <see cref="ClientWebSocket"/> from one of the loopback source addresses, reading every frame in
/// the background as promptly as a browser would, handing each to a <see cref="FrameHandler"/>.
/// </summary>
public sealed class BenchSocket
{
    private const int BufferSize = 8 * 1024;
    private readonly ClientWebSocket _socket;
    private readonly FrameHandler _onFrame;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private Task _reader = Task.CompletedTask;

    private BenchSocket(ClientWebSocket socket, int index, FrameHandler onFrame)
    {
        _socket = socket;
        Index = index;
        _onFrame = onFrame;
    }

    public int Index { get; }
    public long Frames;
    public Exception? Failure { get; private set; }
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;
    public bool Ended => _reader.IsCompleted;

    /// <summary>Completes when the socket has ended, however it ended.</summary>
    public Task Completion => _reader;

    /// <summary>Connects socket <paramref name="index"/> (which picks its source address), with a Cookie and an Origin header if given.</summary>
    public static async Task<BenchSocket> ConnectAsync(Uri uri, int index, FrameHandler onFrame, string? cookie, string? origin, CancellationToken ct)
    {
        var client = new ClientWebSocket();
        client.Options.KeepAliveInterval = TimeSpan.Zero; // the server pings; the client answers while it reads
        client.Options.SetBuffer(BufferSize, 1024);
        if (origin is not null) client.Options.SetRequestHeader("Origin", origin);
        if (cookie is not null) client.Options.SetRequestHeader("Cookie", cookie);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await client.ConnectAsync(uri, Loopback.SocketInvoker(index), timeout.Token);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        var socket = new BenchSocket(client, index, onFrame);
        socket._reader = Task.Run(socket.ReadAllAsync, CancellationToken.None);
        return socket;
    }

    public async Task SendTextAsync(ReadOnlyMemory<byte> text, CancellationToken ct)
    {
        await _sending.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(text, WebSocketMessageType.Text, true, ct);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Drops the connection at once (the bench's teardown; the server sees it go).</summary>
    public void Abort() => _socket.Abort();

    public async Task CloseAsync(TimeSpan patience)
    {
        try
        {
            using var timeout = new CancellationTokenSource(patience);
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "Bye", timeout.Token);
            await _reader.WaitAsync(patience);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or TimeoutException or ObjectDisposedException) { }
        finally
        {
            _socket.Abort();
            _socket.Dispose();
        }
    }

    private async Task ReadAllAsync()
    {
        var buffer = new byte[BufferSize];
        ArrayBufferWriter<byte>? large = null;
        try
        {
            while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
                if (!result.EndOfMessage || large is { WrittenCount: > 0 })
                {
                    large ??= new ArrayBufferWriter<byte>(4 * BufferSize);
                    large.Write(buffer.AsSpan(0, result.Count));
                    if (!result.EndOfMessage) continue;
                    Interlocked.Increment(ref Frames);
                    _onFrame(this, large.WrittenSpan);
                    large.ResetWrittenCount();
                    continue;
                }
                Interlocked.Increment(ref Frames);
                _onFrame(this, buffer.AsSpan(0, result.Count));
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            Failure = e;
        }
    }
}
