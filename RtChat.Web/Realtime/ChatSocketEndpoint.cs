using System.Net.WebSockets;
using System.Security.Claims;
using RtChat.Web.Data;

namespace RtChat.Web.Realtime;

/// <summary>
/// <c>/ws?room=NAME</c>: one socket per page. Opens only for a signed-in user, from an allowed Origin
/// (cross-site WebSocket hijacking), for a room that user may read.
/// </summary>
internal static class ChatSocketEndpoint
{
    public const string Path = "/ws";

    public static async Task<IResult> HandleAsync(HttpContext http, AppDbContext db, ChatHistory history, ChatFrames frames,
        LocalSockets sockets, IPresence presence, PresencePublisher publisher, RealtimeOptions options)
    {
        if (!http.WebSockets.IsWebSocketRequest)
            return Results.Problem("This address only speaks WebSocket.", statusCode: StatusCodes.Status400BadRequest);
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
            return Results.Problem("Sign in to connect.", statusCode: StatusCodes.Status401Unauthorized);
        if (!OriginAllowed(http.Request, options))
            return Results.Problem("This origin may not connect.", statusCode: StatusCodes.Status403Forbidden);
        var room = await db.FindForUserAsync(http.Request.Query["room"], userId, http.RequestAborted);
        if (room is null)
            return Results.Problem("No such room.", statusCode: StatusCodes.Status404NotFound);
        if (!room.CanBeReadBy(userId))
            return Results.Problem("You are not a member of this room.", statusCode: StatusCodes.Status403Forbidden);

        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = options.KeepAliveInterval,
            KeepAliveTimeout = options.KeepAliveTimeout,
        });
        var connection = new ChatConnection(socket, room.Name, userId, options);
        sockets.Add(connection);
        await presence.ConnectedAsync(room.Name, userId, connection.Id);
        publisher.MarkChanged(room.Name);
        try
        {
            await connection.RunAsync(async (afterId, ct) =>
            {
                var missed = await history.AfterAsync(room.Id, afterId, options.ResumeLimit, ct);
                if (missed.Count > options.ResumeLimit)
                    return [await frames.ReloadAsync(room.Name)];
                var replay = new List<RoomFrame>(missed.Count);
                foreach (var message in missed)
                    replay.Add(await frames.MessageAsync(room.Name, message));
                return replay;
            }, http.RequestAborted);
        }
        finally
        {
            sockets.Remove(connection);
            await presence.DisconnectedAsync(connection.Id);
            publisher.MarkChanged(room.Name);
        }
        return Results.Empty;
    }

    /// <summary>Browsers always send Origin on a socket; it must be this site or one configured. Non-browser clients may omit it.</summary>
    internal static bool OriginAllowed(HttpRequest request, RealtimeOptions options)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin)) return true;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)) return false;
        return string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
               || options.AllowedOrigins.Any(allowed => string.Equals(allowed.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
