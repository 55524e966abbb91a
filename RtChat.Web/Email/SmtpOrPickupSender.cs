using Microsoft.Extensions.Options;

namespace RtChat.Web.Email;

/// <summary>Sends through SMTP when a host is configured, otherwise (and whenever SMTP fails) writes to the pickup directory.</summary>
internal sealed class SmtpOrPickupSender(
    IOptions<EmailOptions> options, SmtpRelay smtp, PickupDirectory pickup, ILogger<SmtpOrPickupSender> logger) : IMailSender
{
    private readonly EmailOptions _options = options.Value;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        using var message = mail.ToMimeMessage(_options.From);
        if (!_options.UsesSmtp)
        {
            var file = await pickup.WriteAsync(message, cancellationToken);
            logger.LogInformation("Wrote \"{Subject}\" for {To} to {File}:\n{Text}", mail.Subject, mail.To, file, mail.TextBody);
            return;
        }
        try
        {
            await smtp.SendAsync(message, cancellationToken);
            logger.LogInformation("Sent \"{Subject}\" to {To} through {Server}", mail.Subject, mail.To, smtp.Server);
        }
        catch (Exception exception) when (SmtpRelay.IsDeliveryFailure(exception))
        {
            var file = await pickup.WriteAsync(message, cancellationToken);
            logger.LogWarning(exception, "SMTP server {Server} did not take \"{Subject}\" for {To} ({Reason}); wrote it to {File} instead",
                smtp.Server, mail.Subject, mail.To, exception.Message, file);
        }
    }
}
