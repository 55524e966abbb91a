namespace RtChat.Web.Email;

public sealed record OutgoingMail(string To, string Subject, string TextBody, string HtmlBody);

public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
