using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using RtChat.Web.Areas.Identity;

namespace RtChat.Web.Pages.Profile;

/// <summary>What the old address's link undoes: the account, the address it had (and whether confirmed), the new one.</summary>
public sealed record EmailChangeUndo(string UserId, string OldEmail, bool OldEmailConfirmed, string NewEmail);

public enum EmailChangeUndone { Cancelled, Reverted, NothingToUndo, OldAddressTaken }

/// <summary>
/// The old address's way back from an email change: a sealed code in the notice mail. It carries the old address
/// itself, since nothing else remembers it once the new one is confirmed, and outlives the change's own link.
/// </summary>
public sealed class EmailChangeCancellation(IDataProtectionProvider protection, UserManager<AppUser> users, SessionEnding sessions)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("RtChat.EmailChangeCancellation").ToTimeLimitedDataProtector();

    public string CodeFor(AppUser user, string newEmail) =>
        _protector.Protect(JsonSerializer.Serialize(new EmailChangeUndo(user.Id, user.Email!, user.EmailConfirmed, newEmail)), Lifetime);

    /// <summary>The change <paramref name="code"/> undoes; null when it is forged, damaged or expired.</summary>
    public EmailChangeUndo? Read(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return JsonSerializer.Deserialize<EmailChangeUndo>(_protector.Unprotect(code)); }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException) { return null; }
    }

    /// <summary>Cancels the change while pending; once confirmed, puts the old address back and ends every session.</summary>
    public async Task<EmailChangeUndone> UndoAsync(EmailChangeUndo undo)
    {
        var user = await users.FindByIdAsync(undo.UserId);
        if (user is null) return EmailChangeUndone.NothingToUndo;
        if (user.CancelEmailChange(undo.NewEmail))
        {
            await users.UpdateAsync(user);
            return EmailChangeUndone.Cancelled;
        }
        if (!user.RevertEmailChange(undo.NewEmail, undo.OldEmail, undo.OldEmailConfirmed))
            return EmailChangeUndone.NothingToUndo;
        // Whoever moved the address may still be signed in: a new stamp signs every session out.
        var saved = await users.UpdateSecurityStampAsync(user);
        if (!saved.Succeeded) return EmailChangeUndone.OldAddressTaken;
        await sessions.EndedAsync(user.Id, keptStamp: null, SessionEnding.EmailTakenBack);
        return EmailChangeUndone.Reverted;
    }
}
