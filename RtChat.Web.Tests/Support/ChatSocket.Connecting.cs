using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Tests.Support;

/// <summary>Opening (and being refused) a socket the way a page does: the session's cookies, the site's Origin.</summary>
public sealed partial class ChatSocket
{
    /// <summary>The socket address of <paramref name="room"/> on the app at <paramref name="baseAddress"/>; no room: the site's socket (every other page's).</summary>
    public static Uri Address(Uri baseAddress, string? room) =>
        new UriBuilder(baseAddress) { Scheme = "ws", Path = "/ws", Query = room is null ? "" : "room=" + Uri.EscapeDataString(room) }.Uri;

    /// <summary>Passed as the origin: no Origin header at all, as a non-browser client sends.</summary>
    public const string NoOrigin = "";

    /// <summary>The Origin a browser showing the site sends, e.g. http://127.0.0.1:41234.</summary>
    public static string OriginOf(Uri baseAddress) => baseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>
    /// Opens a socket to <paramref name="room"/> as <paramref name="session"/>'s user (no cookies: anonymous),
    /// with the site's Origin unless <paramref name="origin"/> says otherwise. A null room opens the site's socket, as
    /// every page but a room's does.
    /// </summary>
    public static async Task<ChatSocket> ConnectAsync(
        Uri baseAddress, WebSession? session, string? room = ChatRoom.PublicChatName, string? origin = null, string? name = null)
    {
        var client = NewClient(baseAddress, session, origin);
        try
        {
            using var timeout = new CancellationTokenSource(Patience);
            await client.ConnectAsync(Address(baseAddress, room), timeout.Token);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        return new ChatSocket(client, name ?? "the socket", read: true);
    }

    /// <summary>
    /// Opens a socket that never reads: its TCP receive buffer is made tiny, so the server's sends back up after a
    /// few frames, like a stalled tab on a bad network. Only sending (the resume) works on it.
    /// </summary>
    public static async Task<ChatSocket> ConnectNonReadingAsync(Uri baseAddress, WebSession session, string room, string? name = null)
    {
        var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;
        client.Options.SetRequestHeader("Origin", OriginOf(baseAddress));
        // Options.Cookies cannot be combined with a custom invoker: the handler carries the copied cookies instead.
        var handler = new SocketsHttpHandler
        {
            CookieContainer = CopyCookies(session),
            UseCookies = true,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 4096 };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var invoker = new HttpMessageInvoker(handler);
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await client.ConnectAsync(Address(baseAddress, room), invoker, timeout.Token);
        }
        catch
        {
            client.Dispose();
            invoker.Dispose();
            throw;
        }
        return new ChatSocket(client, name ?? "the non-reading socket", read: false, invoker);
    }

    /// <summary>Tries to open a socket the server should refuse, and returns the status it refused the upgrade with.</summary>
    public static async Task<HttpStatusCode> RefusedStatusAsync(
        Uri baseAddress, WebSession? session, string? room = ChatRoom.PublicChatName, string? origin = null)
    {
        var status = await UpgradeStatusAsync(baseAddress, session, room, origin);
        if (status == HttpStatusCode.SwitchingProtocols)
            throw new AssertionException($"The server accepted a socket to \"{room ?? "the site"}\" (origin {origin ?? "the site's"}) it should have refused.");
        return status;
    }

    /// <summary>
    /// The status the server answers a socket's upgrade with: 101 (Switching Protocols) when it accepts it (the socket is
    /// then dropped at once), else the refusal's.
    /// </summary>
    public static async Task<HttpStatusCode> UpgradeStatusAsync(
        Uri baseAddress, WebSession? session, string? room = ChatRoom.PublicChatName, string? origin = null)
    {
        using var client = NewClient(baseAddress, session, origin);
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await client.ConnectAsync(Address(baseAddress, room), timeout.Token);
        }
        catch (WebSocketException)
        {
            return client.HttpStatusCode;
        }
        client.Abort();
        return HttpStatusCode.SwitchingProtocols;
    }

    private static ClientWebSocket NewClient(Uri baseAddress, WebSession? session, string? origin)
    {
        var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;
        if (origin != NoOrigin) client.Options.SetRequestHeader("Origin", origin ?? OriginOf(baseAddress));
        if (session is not null) client.Options.Cookies = CopyCookies(session);
        return client;
    }

    private static CookieContainer CopyCookies(WebSession session)
    {
        var jar = new CookieContainer();
        jar.Add(session.Cookies.GetCookies(session.BaseAddress));
        return jar;
    }
}
