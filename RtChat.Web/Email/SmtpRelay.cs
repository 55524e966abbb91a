using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace RtChat.Web.Email;

/// <summary>Hands a message to the configured SMTP server through MailKit: one connection per message.</summary>
internal sealed class SmtpRelay(IOptions<EmailOptions> options)
{
    private readonly EmailOptions.SmtpOptions _smtp = options.Value.Smtp;

    public string Server => $"{_smtp.Host}:{_smtp.Port}";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        using var client = new SmtpClient { Timeout = (int)_smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(_smtp.Host!, _smtp.Port, _smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(_smtp.UserName))
            await client.AuthenticateAsync(_smtp.UserName, _smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>
    /// The server is unreachable, slow, refuses us or the message, or lacks what the settings ask for (STARTTLS, AUTH):
    /// what another delivery can make up for.
    /// </summary>
    public static bool IsDeliveryFailure(Exception exception) =>
        exception is IOException or SocketException or TimeoutException or SslHandshakeException or NotSupportedException
            or ProtocolException or CommandException or AuthenticationException;
}
