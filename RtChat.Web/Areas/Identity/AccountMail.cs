using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.WebUtilities;
using RtChat.Web.Email;

namespace RtChat.Web.Areas.Identity;

/// <summary>The account mails. Those that ask for something carry a single-use link back to the site.</summary>
public sealed class AccountMail(UserManager<AppUser> users, IMailSender sender, LinkGenerator links, IHttpContextAccessor http)
{
    public async Task SendConfirmationAsync(AppUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = Link("/Account/ConfirmEmail", "Identity", new { userId = user.Id, code = Encode(token) });
        await SendAsync(user.Email!, "Confirm your email address",
            $"Welcome to RtChat, {user.UserName}! Confirm your email address by opening this link:", link);
    }

    public async Task SendPasswordResetAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Link("/Account/ResetPassword", "Identity", new { code = Encode(token) });
        await SendAsync(user.Email!, "Reset your password",
            $"Someone asked to reset the password of {user.UserName} on RtChat. If it was you, choose a new password here:", link);
    }

    /// <summary>The link goes to the new address; the current one is told, so a hijacked session can't switch quietly.</summary>
    public async Task SendEmailChangeAsync(AppUser user, string newEmail)
    {
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = Link("/Profile/ConfirmEmail", null, new { userId = user.Id, email = newEmail, code = Encode(token) });
        await SendAsync(newEmail, "Confirm your new email address",
            $"{user.UserName} on RtChat asked to use this address from now on. Confirm it by opening this link:", link);
        await SendAsync(user.Email!, "Your email address is about to change",
            $"Someone signed in as {user.UserName} on RtChat asked to change your email address to {newEmail}. "
            + "Nothing changes until that address confirms. If it was not you, change your password now.", null);
    }

    public Task SendEmailChangedAsync(string oldEmail, AppUser user) =>
        SendAsync(oldEmail, "Your email address has changed",
            $"The email address of {user.UserName} on RtChat is now {user.Email}. If it was not you, reset your password from the new address or contact us.", null);

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private string Link(string page, string? area, object values) =>
        links.GetUriByPage(http.HttpContext!, page, handler: null, values: new RouteValueDictionary(values) { ["area"] = area })
        ?? throw new InvalidOperationException($"No route to {page}.");

    private Task SendAsync(string to, string subject, string intro, string? link)
    {
        var encode = HtmlEncoder.Default;
        var text = link is null ? $"{intro}\n" : $"{intro}\n\n{link}\n\nIf you did not ask for this, ignore this mail.\n";
        var html = link is null
            ? $"<p>{encode.Encode(intro)}</p>"
            : $"<p>{encode.Encode(intro)}</p><p><a href=\"{encode.Encode(link)}\">{encode.Encode(subject)}</a></p><p>If you did not ask for this, ignore this mail.</p>";
        return sender.SendAsync(new OutgoingMail(to, subject, text, html));
    }
}
