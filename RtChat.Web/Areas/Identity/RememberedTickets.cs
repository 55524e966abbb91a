using Microsoft.AspNetCore.Authentication;
using RtChat.Web.Web;

namespace RtChat.Web.Areas.Identity;

/// <summary>
/// Sign-in cookies already read, kept by their text: every page, post and socket decrypted and parsed the same cookie
/// again (a sixteenth of a page view). The text is authenticated, so the ticket kept for it is the one decrypting would
/// give; the cookie handler still checks its expiry and security stamp each time, on a copy, since it changes the
/// ticket it is given when it renews one. Kept at most ten minutes: a revoked data protection key stops working then.
/// </summary>
public sealed class RememberedTickets(ISecureDataFormat<AuthenticationTicket> format) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>Cookies kept (about 2.5 KB each, text and ticket).</summary>
    public const int Limit = 10_000;

    private readonly Memo<(string Text, string? Purpose), AuthenticationTicket> _tickets = new(Limit, TimeSpan.FromMinutes(10));

    public string Protect(AuthenticationTicket data) => format.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => format.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null) return null;
        var key = (protectedText, purpose);
        if (_tickets.TryGet(key, out var kept)) return kept.Clone();
        var ticket = format.Unprotect(protectedText, purpose);
        if (ticket is not null) _tickets.Keep(key, ticket.Clone());
        return ticket;
    }
}
