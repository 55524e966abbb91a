using MimeKit;
using MimeKit.Text;

namespace RtChat.Web.Email;

public sealed record OutgoingMail(string To, string Subject, string TextBody, string HtmlBody)
{
    /// <summary>A multipart/alternative message: the text body, then the HTML body.</summary>
    public MimeMessage ToMimeMessage(string from)
    {
        var message = new MimeMessage { Subject = Subject };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(To));
        message.Body = new MultipartAlternative { EightBit(TextFormat.Plain, TextBody), EightBit(TextFormat.Html, HtmlBody) };
        return message;
    }

    // 8bit keeps links whole, readable and clickable in .eml files; SMTP re-encodes for a server without 8BITMIME.
    private static TextPart EightBit(TextFormat format, string text) =>
        new(format) { Text = text, ContentTransferEncoding = ContentEncoding.EightBit };
}

public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
