using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RtChat.Web.Tests.Support;

/// <summary>
/// A request whose body is sent up to a point and then held, over a plain socket (HttpClient would not hand over an
/// answer before it sent the whole body): the status the server answers while the rest is held, or null if it waited.
/// </summary>
public static class HeldRequest
{
    public static async Task<HttpStatusCode?> StatusWhileHeldAsync(WebSession web, HttpRequestMessage request, int sentFirst, TimeSpan patience)
    {
        var body = await request.Content!.ReadAsByteArrayAsync();
        var head = new StringBuilder()
            .Append($"{request.Method} {request.RequestUri} HTTP/1.1\r\n")
            .Append($"Host: {web.BaseAddress.Authority}\r\n")
            .Append($"Cookie: {web.Cookies.GetCookieHeader(web.BaseAddress)}\r\n")
            .Append($"Content-Type: {request.Content.Headers.ContentType}\r\n")
            .Append($"Content-Length: {body.Length}\r\n");
        foreach (var (name, values) in request.Headers)
            head.Append($"{name}: {string.Join(", ", values)}\r\n");
        head.Append("\r\n");

        using var client = new TcpClient();
        await client.ConnectAsync(web.BaseAddress.Host, web.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(body.AsMemory(0, sentFirst));
        await stream.FlushAsync();

        using var timeout = new CancellationTokenSource(patience);
        var buffer = new byte[64];
        try
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            var statusLine = Encoding.ASCII.GetString(buffer, 0, read);
            return statusLine.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? (HttpStatusCode)int.Parse(statusLine[9..12]) : null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
