using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace RtChat.Web.Tests.Support;

/// <summary>A message an <see cref="SmtpListener"/> took: the envelope and the DATA as it came, dots unstuffed.</summary>
public sealed record SmtpDelivery(string MailFrom, IReadOnlyList<string> Recipients, string Data);

/// <summary>A login an <see cref="SmtpListener"/> took.</summary>
public sealed record SmtpLogin(string Mechanism, string UserName, string Password);

/// <summary>
/// Just enough of an SMTP server on a loopback port for the app to send to (EHLO, AUTH PLAIN and LOGIN, MAIL FROM,
/// RCPT TO, DATA, RSET, NOOP, QUIT; no TLS). It takes whatever it is given and records it. A silent one accepts
/// connections and never answers, as a hung server does.
/// </summary>
public sealed partial class SmtpListener : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<SmtpDelivery> _deliveries = new();
    private readonly ConcurrentQueue<SmtpLogin> _logins = new();
    private readonly bool _silent;
    private readonly Task _accepting;

    public SmtpListener(bool silent = false)
    {
        _silent = silent;
        _listener.Start();
        _accepting = AcceptAsync(_stop.Token);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyCollection<SmtpDelivery> Deliveries => _deliveries;
    public IReadOnlyCollection<SmtpLogin> Logins => _logins;

    /// <summary>The message this listener took for <paramref name="address"/>, parsed.</summary>
    public MimeMessage MessageTo(string address) =>
        MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(_deliveries.Single(d => d.Recipients.Contains(address)).Data)));

    /// <summary>App settings that send mail to 127.0.0.1:<paramref name="port"/> over plain SMTP.</summary>
    public static Dictionary<string, string?> AppSettings(int port) => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
    };

    /// <summary>A loopback port nothing listens on: connecting to it is refused, as to a server that is down.</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptAsync(CancellationToken stop)
    {
        var sessions = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(stop); }
            catch (OperationCanceledException) { break; }
            sessions.Add(EndQuietlyAsync(_silent ? HoldAsync(client, stop) : ServeAsync(client, stop)));
        }
        await Task.WhenAll(sessions);
    }

    private static async Task HoldAsync(TcpClient client, CancellationToken stop)
    {
        using var _ = client;
        await Task.Delay(Timeout.Infinite, stop);
    }

    /// <summary>A session ends when the listener stops or the client hangs up; anything else fails the disposal.</summary>
    private static async Task EndQuietlyAsync(Task session)
    {
        try { await session; }
        catch (Exception e) when (e is OperationCanceledException or IOException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
