using RtChat.Web.Areas.Identity;

namespace RtChat.Web.Pages.Profile;

public enum EmailChangeRefusal { WrongPassword, LockedOut }

/// <summary>
/// Asking to move an account to a new address: only with the password (a stolen session is not enough), the new
/// address gets the link, the old one a way back. An address another account has is answered the same way.
/// </summary>
public sealed class EmailChange(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountMail mail, EmailChangeCancellation cancellation)
{
    public async Task<EmailChangeRefusal?> RequestAsync(AppUser user, string newEmail, string password)
    {
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut) return EmailChangeRefusal.LockedOut;
        if (!check.Succeeded) return EmailChangeRefusal.WrongPassword;

        user.RequestEmailChange(newEmail);
        await users.UpdateAsync(user);
        if (await users.FindByEmailAsync(newEmail) is { } owner)
            await mail.SendAddressInUseAsync(owner);
        else
            await mail.SendEmailChangeConfirmationAsync(user, newEmail);
        await mail.SendEmailChangeNoticeAsync(user, newEmail, cancellation.CodeFor(user, newEmail));
        return null;
    }
}
