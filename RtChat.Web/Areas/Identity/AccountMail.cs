using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using RtChat.Web.Domain;
using RtChat.Web.Email;

namespace RtChat.Web.Areas.Identity;

/// <summary>The account mails: each one carries a single-use link back to an Identity page.</summary>
public sealed class AccountMail(UserManager<AppUser> users, IMailSender sender, LinkGenerator links, IHttpContextAccessor http)
{
    public async Task SendConfirmationAsync(AppUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = Link("/Account/ConfirmEmail", new { userId = user.Id, code = Encode(token) });
        await SendAsync(user, "Confirm your email address",
            $"Welcome to RtChat, {user.UserName}! Confirm your email address by opening this link:", link);
    }

    public async Task SendPasswordResetAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Link("/Account/ResetPassword", new { code = Encode(token) });
        await SendAsync(user, "Reset your password",
            $"Someone asked to reset the password of {user.UserName} on RtChat. If it was you, choose a new password here:", link);
    }

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private string Link(string page, object values) =>
        links.GetUriByPage(http.HttpContext!, page, handler: null, values: new RouteValueDictionary(values) { ["area"] = "Identity" })
        ?? throw new InvalidOperationException($"No route to {page}.");

    private Task SendAsync(AppUser user, string subject, string intro, string link)
    {
        var text = $"{intro}\n\n{link}\n\nIf you did not ask for this, ignore this mail.\n";
        var html = $"<p>{HtmlEncoder.Default.Encode(intro)}</p><p><a href=\"{HtmlEncoder.Default.Encode(link)}\">{HtmlEncoder.Default.Encode(subject)}</a></p>"
                   + "<p>If you did not ask for this, ignore this mail.</p>";
        return sender.SendAsync(new OutgoingMail(user.Email!, subject, text, html));
    }
}
