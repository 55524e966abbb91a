using System.Net.Sockets;
using System.Text;

namespace RtChat.Web.Tests.Support;

public sealed partial class SmtpListener
{
    private async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        using var _ = client;
        using var line = new Lines(client.GetStream(), stop);
        await line.SendAsync("220 smtp.test ESMTP");
        var from = "";
        var recipients = new List<string>();
        while (await line.ReadAsync() is { } command)
        {
            var verb = command.Split(' ')[0].ToUpperInvariant();
            var reply = "250 OK";
            switch (verb)
            {
                case "EHLO": reply = "250-smtp.test\r\n250-8BITMIME\r\n250 AUTH PLAIN LOGIN"; break;
                case "AUTH": _logins.Enqueue(await ReadLoginAsync(command, line)); reply = "235 2.7.0 Authenticated"; break;
                case "MAIL": from = Address(command); break;
                case "RCPT": recipients.Add(Address(command)); break;
                case "DATA":
                    await line.SendAsync("354 End data with <CR><LF>.<CR><LF>");
                    _deliveries.Enqueue(new SmtpDelivery(from, [.. recipients], await ReadDataAsync(line)));
                    recipients.Clear();
                    break;
                case "RSET": recipients.Clear(); break;
                case "HELO" or "NOOP": break;
                case "QUIT": reply = "221 Bye"; break;
                default: reply = "502 Command not implemented"; break;
            }
            await line.SendAsync(reply);
            if (verb == "QUIT")
                return;
        }
    }

    private static async Task<SmtpLogin> ReadLoginAsync(string command, Lines line)
    {
        var words = command.Split(' ');
        var mechanism = words[1].ToUpperInvariant();
        var initialResponse = words.ElementAtOrDefault(2);
        if (mechanism == "PLAIN")
        {
            var parts = Decode(initialResponse ?? await line.AskAsync("334 ")).Split('\0');
            return new SmtpLogin(mechanism, parts[1], parts[2]);
        }
        var userName = Decode(initialResponse ?? await line.AskAsync("334 VXNlcm5hbWU6"));
        return new SmtpLogin(mechanism, userName, Decode(await line.AskAsync("334 UGFzc3dvcmQ6")));
    }

    private static async Task<string> ReadDataAsync(Lines line)
    {
        var data = new StringBuilder();
        while (await line.ReadAsync() is { } text && text != ".")
            data.Append(text.StartsWith('.') ? text[1..] : text).Append("\r\n");
        return data.ToString();
    }

    private static string Address(string command) => command[(command.IndexOf('<') + 1)..command.IndexOf('>')];

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    /// <summary>The CRLF-separated lines of one connection.</summary>
    private sealed class Lines(NetworkStream stream, CancellationToken stop) : IDisposable
    {
        private readonly StreamReader _reader = new(stream, Encoding.UTF8);
        private readonly StreamWriter _writer = new(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };

        public Task<string?> ReadAsync() => _reader.ReadLineAsync(stop).AsTask();

        public Task SendAsync(string reply) => _writer.WriteLineAsync(reply.AsMemory(), stop);

        public async Task<string> AskAsync(string prompt)
        {
            await SendAsync(prompt);
            return await ReadAsync() ?? "";
        }

        public void Dispose()
        {
            _writer.Dispose();
            _reader.Dispose();
        }
    }
}
