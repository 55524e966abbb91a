using System.Net.WebSockets;
using System.Security.Claims;
using RtChat.Web.Components.Chat;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>
/// <c>/ws?room=NAME</c> on a room's page, <c>/ws</c> on every other page: one socket per page. Opens only for a
/// signed-in user, from an allowed Origin (cross-site WebSocket hijacking), for a room that user may read. Besides the
/// room's messages and presence, it carries what every page shows live: the online total and the chat list.
/// </summary>
internal static class ChatSocketEndpoint
{
    public const string Path = "/ws";
    public const string TooManyPages = "You have too many pages open. Close some, then reload this one.";
    public const string TooManyOpens = "Too many connections in a short time. Wait a minute, then reload.";

    /// <summary>Where Identity keeps the security stamp in a sign-in's claims.</summary>
    private static readonly string SecurityStampClaim = new ClaimsIdentityOptions().SecurityStampClaimType;

    /// <remarks>
    /// The database is used from short scopes of its own (the look-up, a resume's history read), never from the request's:
    /// a socket's request lives as long as the socket, and a context held for it would stay in memory all that time.
    /// </remarks>
    public static async Task<IResult> HandleAsync(HttpContext http, IServiceScopeFactory scopes, MissedMessages missedMessages,
        LocalSockets sockets, IPresence presence, PresencePublisher publisher, ReadMarks readMarks, RealtimeOptions options,
        PublicOrigin publicOrigin, SocketOpenThrottle opens, TypingPublisher typing, ChatFrames frames)
    {
        if (!http.WebSockets.IsWebSocketRequest)
            return Results.Problem("This address only speaks WebSocket.", statusCode: StatusCodes.Status400BadRequest);
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
            return Results.Problem("Sign in to connect.", statusCode: StatusCodes.Status401Unauthorized);
        if (!OriginAllowed(http.Request, options, publicOrigin))
            return Results.Problem("This origin may not connect.", statusCode: StatusCodes.Status403Forbidden);
        if (sockets.CountOf(userId) >= options.MaxSocketsPerUser)
            return Results.Problem(TooManyPages, statusCode: StatusCodes.Status429TooManyRequests);
        if (!opens.TryAcquire(userId))
            return Results.Problem(TooManyOpens, statusCode: StatusCodes.Status429TooManyRequests);
        int? roomId = null;
        long? readUpTo = null;
        if (http.Request.Query["room"].ToString() is { Length: > 0 } name)
        {
            ChatRoom? found;
            await using (var scope = scopes.CreateAsyncScope())
                found = await scope.ServiceProvider.GetRequiredService<AppDbContext>().FindForUserAsync(name, userId, http.RequestAborted);
            // Outsiders learn nothing of a room they may not read, not even that it exists.
            if (found is null || !found.CanBeReadBy(userId))
                return Results.Problem("No such room.", statusCode: StatusCodes.Status404NotFound);
            roomId = found.Id;
            readUpTo = found.ReadMarkOf(userId);
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = options.KeepAliveInterval,
            KeepAliveTimeout = options.KeepAliveTimeout,
        });
        ForgetHandshake(http);
        var connection = new ChatConnection(socket, roomId, userId, options, http.User.FindFirstValue(SecurityStampClaim));
        if (roomId is { } reading && readUpTo is { } upTo)
            connection.Enqueue(await frames.ReadMarkAtOpenAsync(reading, upTo));
        sockets.Add(connection);
        await presence.ConnectedAsync(roomId, userId, connection.Id);
        publisher.Opened(connection);
        if (roomId is { } opened) typing.Opened(opened);
        try
        {
            await connection.RunAsync(
                (afterId, changesSeen, ct) => roomId is { } id ? missedMessages.AfterAsync(id, afterId, changesSeen, ct) : Task.FromResult<IReadOnlyList<SocketFrame>>([]),
                readId => readMarks.Mark(roomId!.Value, userId, readId),
                () => typing.Typed(roomId!.Value, userId),
                http.RequestAborted);
        }
        finally
        {
            sockets.Remove(connection);
            await presence.DisconnectedAsync(connection.Id);
            publisher.MarkChanged(roomId);
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

    /// <summary>
    /// Browsers always send Origin on a socket: it must be the site's own (the request's scheme, host and port, or the
    /// public origin) or a configured one; "null" (sandboxed frames, files) is none of them. Non-browser clients may
    /// omit it, and still need the sign-in cookie: without Origin a browser page elsewhere cannot be the one asking.
    /// </summary>
    internal static bool OriginAllowed(HttpRequest request, RealtimeOptions options, PublicOrigin publicOrigin)
    {
        var header = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(header)) return true;
        if (!Uri.TryCreate(header, UriKind.Absolute, out var origin) || origin.Scheme is not ("http" or "https")) return false;
        return (Uri.TryCreate($"{request.Scheme}://{request.Host}", UriKind.Absolute, out var site) && PublicOrigin.SameOrigin(site, origin))
               || publicOrigin.Matches(origin)
               || options.AllowedOrigins.Any(allowed => Uri.TryCreate(allowed, UriKind.Absolute, out var uri) && PublicOrigin.SameOrigin(uri, origin));
    }
}
