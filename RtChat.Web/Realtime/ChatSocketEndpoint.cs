using System.Net.WebSockets;
using System.Security.Claims;
using RtChat.Web.Components.Chat;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>
/// <c>/ws?room=NAME</c>: one socket per page. Opens only for a signed-in user, from an allowed Origin
/// (cross-site WebSocket hijacking), for a room that user may read.
/// </summary>
internal static class ChatSocketEndpoint
{
    public const string Path = "/ws";

    /// <remarks>
    /// The database is used from short scopes of its own (the look-up, a resume's history read), never from the request's:
    /// a socket's request lives as long as the socket, and a context held for it would stay in memory all that time.
    /// </remarks>
    public static async Task<IResult> HandleAsync(HttpContext http, IServiceScopeFactory scopes, ChatFrames frames,
        LocalSockets sockets, IPresence presence, PresencePublisher publisher, RealtimeOptions options)
    {
        if (!http.WebSockets.IsWebSocketRequest)
            return Results.Problem("This address only speaks WebSocket.", statusCode: StatusCodes.Status400BadRequest);
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
            return Results.Problem("Sign in to connect.", statusCode: StatusCodes.Status401Unauthorized);
        if (!OriginAllowed(http.Request, options))
            return Results.Problem("This origin may not connect.", statusCode: StatusCodes.Status403Forbidden);
        ChatRoom? found;
        await using (var scope = scopes.CreateAsyncScope())
            found = await scope.ServiceProvider.GetRequiredService<AppDbContext>().FindForUserAsync(http.Request.Query["room"], userId, http.RequestAborted);
        if (found is null)
            return Results.Problem("No such room.", statusCode: StatusCodes.Status404NotFound);
        if (!found.CanBeReadBy(userId))
            return Results.Problem("You are not a member of this room.", statusCode: StatusCodes.Status403Forbidden);
        var (roomId, roomName) = (found.Id, found.Name);

        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = options.KeepAliveInterval,
            KeepAliveTimeout = options.KeepAliveTimeout,
        });
        ForgetHandshake(http);
        var connection = new ChatConnection(socket, roomName, userId, options);
        sockets.Add(connection);
        await presence.ConnectedAsync(roomName, userId, connection.Id);
        publisher.Opened(connection);
        try
        {
            await connection.RunAsync(async (afterId, ct) =>
            {
                IReadOnlyList<MessageView> missed;
                await using (var scope = scopes.CreateAsyncScope())
                    missed = await scope.ServiceProvider.GetRequiredService<ChatHistory>().AfterAsync(roomId, afterId, options.ResumeLimit, ct);
                if (missed.Count > options.ResumeLimit)
                    return [await frames.ReloadAsync(roomName)];
                var replay = new List<RoomFrame>(missed.Count);
                foreach (var message in missed)
                    replay.Add(await frames.MessageAsync(roomName, message));
                return replay;
            }, http.RequestAborted);
        }
        finally
        {
            sockets.Remove(connection);
            await presence.DisconnectedAsync(connection.Id);
            publisher.MarkChanged(roomName);
        }
        return Results.Empty;
    }

    /// <summary>
    /// A socket's request lives as long as the socket, and with it the handshake's headers: the Cookie header and the
    /// parsed sign-in cookie alone are 4 KB of strings a socket, not needed once it is open (Kestrel's header-string
    /// reuse, which would keep them for a next request on the connection, is off: see <see cref="RealtimeSetup"/>).
    /// </summary>
    private static void ForgetHandshake(HttpContext http)
    {
        http.Request.Headers.Clear();
        http.Features.Set<Microsoft.AspNetCore.Http.Features.IRequestCookiesFeature>(null);
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
