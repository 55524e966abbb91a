using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace RtChat.Web.Email;

/// <summary>Lets the Identity UI pages we did not override send through our sender.</summary>
internal sealed partial class IdentityEmailSender(IMailSender sender) : IEmailSender
{
    public Task SendEmailAsync(string email, string subject, string htmlMessage) =>
        sender.SendAsync(new OutgoingMail(email, subject, ToText(htmlMessage), htmlMessage));

    private static string ToText(string html)
    {
        var withLinks = Link().Replace(html, m => $"{m.Groups["text"].Value} ({System.Net.WebUtility.HtmlDecode(m.Groups["href"].Value)})");
        return System.Net.WebUtility.HtmlDecode(Tag().Replace(withLinks, ""));
    }

    [GeneratedRegex("""<a[^>]*href=['"](?<href>[^'"]+)['"][^>]*>(?<text>.*?)</a>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
