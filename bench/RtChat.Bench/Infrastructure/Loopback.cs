using System.Net;
using System.Net.Sockets;

namespace RtChat.Bench.Infrastructure;

/// <summary>
/// Clients spread over several loopback source addresses (127.0.0.2 …), so thousands of sockets never run short of
/// ephemeral ports on one address. Servers listen on 127.0.0.1. Nothing here ever leaves the machine.
/// </summary>
public static class Loopback
{
    public const int SourceCount = 8;
    public static readonly IPAddress Server = IPAddress.Loopback;

    private static readonly SocketsHttpHandler[] SocketHandlers =
        Enumerable.Range(0, SourceCount).Select(i => NewHandler(Source(i), cookies: null)).ToArray();
    private static readonly HttpMessageInvoker[] SocketInvokers = SocketHandlers.Select(h => new HttpMessageInvoker(h, disposeHandler: false)).ToArray();

    public static IPAddress Source(int index) => new([127, 0, 0, (byte)(2 + index % SourceCount)]);

    /// <summary>The shared invoker WebSocket client number <paramref name="index"/> connects through (its source address).</summary>
    public static HttpMessageInvoker SocketInvoker(int index) => SocketInvokers[index % SourceCount];

    /// <summary>A free port on 127.0.0.1 (bound and released: good enough for a child server started right after).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(Server, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An HTTP handler whose connections start from <paramref name="source"/>; no redirects; cookies in <paramref name="cookies"/>.</summary>
    public static SocketsHttpHandler NewHandler(IPAddress source, CookieContainer? cookies, int maxConnections = int.MaxValue) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
        MaxConnectionsPerServer = maxConnections,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(30),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                var target = IPAddress.TryParse(context.DnsEndPoint.Host, out var ip)
                    ? new IPEndPoint(ip, context.DnsEndPoint.Port)
                    : (EndPoint)context.DnsEndPoint;
                await socket.ConnectAsync(target, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
