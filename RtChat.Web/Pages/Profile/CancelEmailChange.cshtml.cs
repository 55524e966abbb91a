using Microsoft.AspNetCore.RateLimiting;

namespace RtChat.Web.Pages.Profile;

/// <summary>
/// The link in the notice to the old address lands here. Opening it only asks: mail scanners open links, and must not
/// cancel anything; the button does.
/// </summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.AccountForms)]
public class CancelEmailChangeModel(EmailChangeCancellation cancellation) : PageModel
{
    public EmailChangeUndo Undo { get; private set; } = null!;
    public string Code { get; private set; } = "";

    public IActionResult OnGet(string? code)
    {
        if (cancellation.Read(code) is not { } undo) return Invalid();
        (Undo, Code) = (undo, code!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        if (cancellation.Read(code) is not { } undo) return Invalid();
        switch (await cancellation.UndoAsync(undo))
        {
            case EmailChangeUndone.Cancelled:
                TempData.FlashSuccess($"The email change is cancelled: {undo.OldEmail} stays your address.");
                return LocalRedirect("~/");
            case EmailChangeUndone.Reverted:
                TempData.FlashSuccess($"{undo.OldEmail} is your address again and every session is signed out. "
                    + "If someone else knows your password, reset it now.");
                return RedirectToPage("/Account/ForgotPassword", new { area = "Identity" });
            case EmailChangeUndone.OldAddressTaken:
                TempData.FlashError($"{undo.OldEmail} now belongs to another account, so it can't come back. Contact us.");
                return LocalRedirect("~/");
            default:
                TempData.Flash(FlashKind.Info, "There is no email change to cancel any more.");
                return LocalRedirect("~/");
        }
    }

    private IActionResult Invalid()
    {
        TempData.FlashError("This link is invalid or has expired.");
        return LocalRedirect("~/");
    }
}
