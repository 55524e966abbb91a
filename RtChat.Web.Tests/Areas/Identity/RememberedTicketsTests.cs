using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RtChat.Web.Areas.Identity;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Identity;

public sealed class RememberedTicketsTests
{
    private static readonly DateTimeOffset Expires = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private CountingFormat _format = null!;
    private RememberedTickets _tickets = null!;

    [SetUp]
    public void CreateTickets()
    {
        _format = new CountingFormat(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("tests")));
        _tickets = new RememberedTickets(_format);
    }

    private string Cookie(string name) => _format.Protect(new AuthenticationTicket(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "cookie")),
        new AuthenticationProperties { ExpiresUtc = Expires }, "cookie"));

    [Test]
    public void A_cookie_read_again_is_not_decrypted_again()
    {
        var cookie = Cookie("alice");

        var first = _tickets.Unprotect(cookie);
        var again = _tickets.Unprotect(cookie);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again?.Principal.Identity?.Name, Is.EqualTo("alice"));
            Assert.That(first?.Principal.Identity?.Name, Is.EqualTo("alice"));
            Assert.That(_format.Reads, Is.EqualTo(1));
        }
    }

    [Test]
    public void Each_reader_gets_its_own_copy_to_change()
    {
        var cookie = Cookie("alice");
        var renewed = _tickets.Unprotect(cookie)!;

        renewed.Properties.ExpiresUtc = Expires.AddDays(14);
        ((ClaimsIdentity)renewed.Principal.Identity!).AddClaim(new Claim("added", "by a handler"));
        var again = _tickets.Unprotect(cookie)!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.Properties.ExpiresUtc, Is.EqualTo(Expires), "renewing one request's ticket renews no other's");
            Assert.That(again.Principal.HasClaim(c => c.Type == "added"), Is.False);
        }
    }

    [Test]
    public void Other_cookies_are_read_on_their_own()
    {
        var alice = _tickets.Unprotect(Cookie("alice"));
        var bob = _tickets.Unprotect(Cookie("bob"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(alice?.Principal.Identity?.Name, Is.EqualTo("alice"));
            Assert.That(bob?.Principal.Identity?.Name, Is.EqualTo("bob"));
        }
    }

    [Test]
    public void A_cookie_that_does_not_decrypt_is_refused_each_time()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_tickets.Unprotect("not-a-cookie"), Is.Null);
            Assert.That(_tickets.Unprotect("not-a-cookie"), Is.Null);
            Assert.That(_format.Reads, Is.EqualTo(2), "a refusal is not kept");
        }
    }

    /// <summary>The real ticket format, counting the cookies it decrypts.</summary>
    private sealed class CountingFormat(ISecureDataFormat<AuthenticationTicket> format) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Reads { get; private set; }

        public string Protect(AuthenticationTicket data) => format.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => format.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Reads++;
            return format.Unprotect(protectedText, purpose);
        }
    }
}

public sealed class RememberedTicketsInTheAppTests : AppFixture
{
    [Test]
    public void The_sign_in_cookie_is_read_through_the_remembered_tickets() =>
        Assert.That(App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).TicketDataFormat, Is.InstanceOf<RememberedTickets>());
}
