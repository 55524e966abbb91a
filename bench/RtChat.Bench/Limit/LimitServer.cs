using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Limit;

/// <summary>
/// The physical reference (hidden <c>limit-server</c> mode, its own process): a bare Kestrel WebSocket endpoint speaking
/// the websocket-shootout protocol, with no auth, database or rendering. It is built like the app's socket path — one
/// bounded queue and one sender per socket (<see cref="QueuedSocket"/>), each broadcast encoded once — so the difference
/// to the app is the app's work.
/// <c>{"type":"echo","payload":P}</c> → <c>{"type":"echo","payload":P}</c> to the sender;
/// <c>{"type":"broadcast","payload":P}</c> → <c>{"type":"broadcast","payload":P}</c> to everyone, then
/// <c>{"type":"broadcastResult","payload":P,"listenerCount":N}</c> to the sender.
/// </summary>
public static class LimitServer
{
    public static async Task<int> RunAsync(Args args)
    {
        var queueLimit = args.Int("queue-limit", 256, 256);
        var app = BareHost.Build(args);
        var hub = new Hub(queueLimit);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
        app.MapGet("/healthz", () => "ok");
        app.Map("/ws", hub.HandleAsync);
        app.Map("/", hub.HandleAsync);
        await BareHost.RunAsync(app, args);
        return 0;
    }

    private sealed class Hub(int queueLimit)
    {
        private readonly SocketSet _connections = new(queueLimit);

        public async Task HandleAsync(HttpContext http)
        {
            if (!http.WebSockets.IsWebSocketRequest)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            await _connections.ServeAsync(http, ReceiveAsync);
        }

        private async Task ReceiveAsync(QueuedSocket connection, CancellationToken ct)
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

        private void Handle(QueuedSocket sender, ReadOnlySpan<byte> message)
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
                foreach (var connection in _connections.All)
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
}
