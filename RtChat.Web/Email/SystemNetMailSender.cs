using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace RtChat.Web.Email;

/// <summary>Sends through SMTP when a host is configured, otherwise drops .eml files into the pickup directory.</summary>
internal sealed class SystemNetMailSender(IOptions<EmailOptions> options, IWebHostEnvironment environment, ILogger<SystemNetMailSender> logger)
    : IMailSender
{
    private readonly EmailOptions _options = options.Value;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        using var message = Compose(mail);
        using var client = CreateClient();
        await client.SendMailAsync(message, cancellationToken);
        if (_options.UsesSmtp)
            logger.LogInformation("Sent \"{Subject}\" to {To} through {Host}", mail.Subject, mail.To, _options.Smtp.Host);
        else
            logger.LogInformation("Wrote \"{Subject}\" for {To} to {Directory}:\n{Text}", mail.Subject, mail.To, client.PickupDirectoryLocation, mail.TextBody);
    }

    private MailMessage Compose(OutgoingMail mail)
    {
        var message = new MailMessage(new MailAddress(_options.From).Address, mail.To)
        {
            From = new MailAddress(_options.From),
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = mail.TextBody,
            BodyEncoding = Encoding.UTF8,
            // 8bit keeps links readable and clickable in the .eml files of the pickup directory.
            BodyTransferEncoding = TransferEncoding.EightBit,
        };
        var html = AlternateView.CreateAlternateViewFromString(mail.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html);
        html.TransferEncoding = TransferEncoding.EightBit;
        message.AlternateViews.Add(html);
        return message;
    }

    private SmtpClient CreateClient()
    {
        if (_options.UsesSmtp)
        {
            var smtp = _options.Smtp;
            return new SmtpClient(smtp.Host, smtp.Port)
            {
                EnableSsl = smtp.EnableSsl,
                Credentials = smtp.UserName is null ? null : new NetworkCredential(smtp.UserName, smtp.Password),
            };
        }
        var directory = Path.GetFullPath(Path.Combine(environment.ContentRootPath, _options.PickupDirectory));
        Directory.CreateDirectory(directory);
        return new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = directory,
        };
    }
}
