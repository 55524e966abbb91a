using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Limit;

/// <summary>
/// The physical reference (hidden <c>limit-server</c> mode, its own process): a bare Kestrel WebSocket endpoint speaking
/// the websocket-shootout protocol, with no auth, database or rendering. It is built like the app's socket path — one
/// bounded queue and one sender per socket, each broadcast encoded once — so the difference to the app is the app's work.
/// <c>{"type":"echo","payload":P}</c> → <c>{"type":"echo","payload":P}</c> to the sender;
/// <c>{"type":"broadcast","payload":P}</c> → <c>{"type":"broadcast","payload":P}</c> to everyone, then
/// <c>{"type":"broadcastResult","payload":P,"listenerCount":N}</c> to the sender.
/// </summary>
public static class LimitServer
{
    public static async Task<int> RunAsync(Args args)
    {
        var port = args.Int("port", 0, 0);
        var maxSeconds = args.Int("max-seconds", 3600, 3600);
        var queueLimit = args.Int("queue-limit", 256, 256);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var hub = new Hub(queueLimit);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
        app.MapGet("/healthz", () => "ok");
        app.Map("/ws", hub.HandleAsync);
        app.Map("/", hub.HandleAsync);
        await app.StartAsync();
        // Bounded even if the bench that started it dies without stopping it.
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(maxSeconds), lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) { }
        await app.StopAsync();
        return 0;
    }

    private sealed class Hub(int queueLimit)
    {
        private readonly ConcurrentDictionary<long, Connection> _connections = new();
        private long _nextId;

        public async Task HandleAsync(HttpContext http)
        {
            if (!http.WebSockets.IsWebSocketRequest)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var connection = new Connection(socket, queueLimit);
            var id = Interlocked.Increment(ref _nextId);
            _connections[id] = connection;
            try
            {
                var sender = connection.SendQueuedAsync();
                await ReceiveAsync(connection, http.RequestAborted);
                connection.Complete();
                await sender;
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException) { }
            finally
            {
                _connections.TryRemove(id, out _);
                connection.Complete();
            }
        }

        private async Task ReceiveAsync(Connection connection, CancellationToken ct)
        {
            var socket = connection.Socket;
            while (socket.State == WebSocketState.Open)
            {
                // Idle sockets hold no buffer (as in the app): an empty read waits for a frame, then a buffer is borrowed.
                var header = await socket.ReceiveAsync(Memory<byte>.Empty, ct);
                if (header.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                    return;
                }
                var buffer = ArrayPool<byte>.Shared.Rent(4 * 1024);
                try
                {
                    var length = 0;
                    var ended = header.EndOfMessage;
                    while (!ended)
                    {
                        if (length == buffer.Length)
                        {
                            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                            buffer.CopyTo(larger, 0);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }
                        var result = await socket.ReceiveAsync(buffer.AsMemory(length), ct);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                            return;
                        }
                        length += result.Count;
                        ended = result.EndOfMessage;
                    }
                    Handle(connection, buffer.AsSpan(0, length));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }

        private void Handle(Connection sender, ReadOnlySpan<byte> message)
        {
            if (!TryRead(message, out var type, out var payload)) return;
            if (type == "echo")
            {
                sender.Enqueue(Frame("echo", payload, null));
            }
            else if (type == "broadcast")
            {
                var frame = Frame("broadcast", payload, null);
                var listeners = 0;
                foreach (var connection in _connections.Values)
                {
                    connection.Enqueue(frame);
                    listeners++;
                }
                sender.Enqueue(Frame("broadcastResult", payload, listeners));
            }
        }

        private static byte[] Frame(string type, ReadOnlySpan<byte> payload, int? listenerCount)
        {
            var head = Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"payload\":");
            var tail = listenerCount is { } n ? Encoding.UTF8.GetBytes($",\"listenerCount\":{n}}}") : "}"u8.ToArray();
            var frame = new byte[head.Length + payload.Length + tail.Length];
            head.CopyTo(frame, 0);
            payload.CopyTo(frame.AsSpan(head.Length));
            tail.CopyTo(frame, head.Length + payload.Length);
            return frame;
        }

        private static bool TryRead(ReadOnlySpan<byte> message, out string? type, out ReadOnlySpan<byte> payload)
        {
            type = null;
            payload = default;
            try
            {
                var reader = new Utf8JsonReader(message);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("type"u8))
                    {
                        reader.Read();
                        type = reader.GetString();
                    }
                    else if (reader.ValueTextEquals("payload"u8))
                    {
                        reader.Read();
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        payload = message[start..(int)reader.BytesConsumed];
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
                return type is not null && !payload.IsEmpty;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }

    private sealed class Connection(WebSocket socket, int queueLimit)
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
}
