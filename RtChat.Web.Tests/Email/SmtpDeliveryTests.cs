using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using MimeKit;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Email;

/// <summary>The app sends through an SMTP server on loopback (no TLS, no user name).</summary>
public sealed class SmtpDeliveryTests : AppFixture
{
    private readonly SmtpListener _smtp = new();

    protected override IReadOnlyDictionary<string, string?> Settings => SmtpListener.AppSettings(_smtp.Port);

    [OneTimeTearDown]
    public async Task StopSmtpAsync() => await _smtp.DisposeAsync();

    [Test]
    public async Task Sign_up_mail_reaches_the_smtp_server_with_its_headers_and_both_bodies()
    {
        var (_, user, message) = await SignUpAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.From.Mailboxes.Select(m => (m.Name, m.Address)), Is.EqualTo(new[] { ("RtChat", "no-reply@rtchat.local") }));
            Assert.That(message.To.Mailboxes.Select(m => m.Address), Is.EqualTo(new[] { user.Email }));
            Assert.That(message.Subject, Is.EqualTo("Confirm your email address"));
            Assert.That(message.Body?.ContentType.MimeType, Is.EqualTo("multipart/alternative"));
            Assert.That((message.Body as Multipart)?.Select(part => part.ContentType.MimeType), Is.EqualTo(new[] { "text/plain", "text/html" }));
            Assert.That(App.Mailbox.To(user.Email), Is.Empty, "nothing goes to the pickup directory once SMTP took it");
        }
    }

    [Test]
    public async Task The_confirmation_link_sent_through_smtp_confirms_the_address()
    {
        var (web, user, message) = await SignUpAsync();
        var link = new Uri(Regex.Match(message.TextBody ?? "", @"https?://\S+").Value);
        var htmlLink = new HtmlParser().ParseDocument(message.HtmlBody ?? "").QuerySelector("a")?.GetAttribute("href");

        await web.GetPageAsync(link.PathAndQuery);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(htmlLink, Is.EqualTo(link.ToString()), "the HTML body links to the same place");
            Assert.That((await App.FindUserByEmailAsync(user.Email))?.EmailConfirmed, Is.True);
        }
    }

    [Test]
    public async Task Without_a_user_name_the_client_does_not_authenticate()
    {
        await SignUpAsync();

        Assert.That(_smtp.Logins, Is.Empty);
    }

    private async Task<(WebSession Web, TestUser User, MimeMessage Message)> SignUpAsync()
    {
        var (web, user) = await App.SignedUpAsync("smtp");
        return (web, user, _smtp.MessageTo(user.Email));
    }
}
