using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using RtChat.Bench.Limit;

namespace RtChat.Bench.Throughput;

/// <summary>The reference's sockets, by room: <c>/ws?room={room}</c>, each sent to through its own queue.</summary>
internal sealed class RoomSockets(int queueLimit)
{
    private readonly ConcurrentDictionary<int, SocketSet> _rooms = new();

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest || !int.TryParse(http.Request.Query["room"], CultureInfo.InvariantCulture, out var room))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await _rooms.GetOrAdd(room, _ => new SocketSet(queueLimit)).ServeAsync(http, (connection, ct) => DiscardUntilClosedAsync(connection.Socket, ct));
    }

    public void Broadcast(int room, byte[] frame)
    {
        if (!_rooms.TryGetValue(room, out var members)) return;
        foreach (var connection in members.All) connection.Enqueue(frame);
    }

    // What a client sends (a page's resume) asks nothing of the reference; reading on keeps pongs and the close flowing.
    private static async Task DiscardUntilClosedAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[256];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType != WebSocketMessageType.Close) continue;
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
            return;
        }
    }
}

/// <summary>A committed message as a socket gets it: an htmx fragment like the app's, padded to the app's frame size.</summary>
internal static class MessageFrame
{
    public static byte[] Encode(StoredMessage message, int frameBytes)
    {
        var html = HtmlEncoder.Default;
        var fragment = $"""<div hx-swap-oob="beforeend:#messages"><article class="message" id="message-{message.Id}" data-message-id="{message.Id}">"""
                       + $"""<header><strong>{html.Encode(message.AuthorName)}</strong> <time datetime="{html.Encode(message.CreatedAt)}"></time></header>"""
                       + $"""<p>{html.Encode(message.Body)}</p></article></div>""";
        var padding = frameBytes - Encoding.UTF8.GetByteCount(fragment) - "<!---->".Length;
        return Encoding.UTF8.GetBytes(padding > 0 ? fragment + "<!--" + new string(' ', padding) + "-->" : fragment);
    }
}
