using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.WebUtilities;
using RtChat.Web.Email;

namespace RtChat.Web.Areas.Identity;

/// <summary>The account mails. Those that ask for something carry a single-use link back to the site.</summary>
public sealed class AccountMail(UserManager<AppUser> users, IMailSender sender, LinkGenerator links, PublicOrigin origin)
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

    /// <summary>Sent instead of a second account: whoever filled the form learns nothing, the address's owner hears of it.</summary>
    public Task SendSignUpAttemptAsync(AppUser owner) =>
        SendAsync(owner.Email!, "Someone tried to sign up with your address",
            $"Someone tried to make a new RtChat account with this address, which already belongs to your account {owner.UserName}. "
            + "If it was you, sign in (or reset your password from the sign-in page) here:", Link("/Account/Login", "Identity", new { }));

    /// <summary>The link goes to the new address only.</summary>
    public async Task SendEmailChangeConfirmationAsync(AppUser user, string newEmail)
    {
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = Link("/Profile/ConfirmEmail", null, new { userId = user.Id, email = newEmail, code = Encode(token) });
        await SendAsync(newEmail, "Confirm your new email address",
            $"{user.UserName} on RtChat asked to use this address from now on. Confirm it by opening this link:", link);
    }

    /// <summary>The current address is told, with a way back, so a hijacked session can't switch quietly.</summary>
    public Task SendEmailChangeNoticeAsync(AppUser user, string newEmail, string cancelCode) =>
        SendAsync(user.Email!, "Your email address is about to change",
            $"Someone signed in as {user.UserName} on RtChat asked to change your email address to {newEmail}. "
            + "Nothing changes until that address confirms. If it was not you, cancel the change here (this link also undoes it "
            + "once confirmed, and signs everyone out), then change your password:",
            Link("/Profile/CancelEmailChange", null, new { code = cancelCode }));

    /// <summary>Sent instead of a confirmation link when the new address is another account's: the asker can't tell.</summary>
    public Task SendAddressInUseAsync(AppUser owner) =>
        SendAsync(owner.Email!, "Someone asked to use your address",
            $"Someone on RtChat asked to move their account to this address, which already belongs to your account {owner.UserName}. "
            + "Nothing changes for you; you can ignore this mail.", null);

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
        origin.Link(links.GetPathByPage(page, handler: null, values: new RouteValueDictionary(values) { ["area"] = area })
            ?? throw new InvalidOperationException($"No route to {page}.")).ToString();

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
