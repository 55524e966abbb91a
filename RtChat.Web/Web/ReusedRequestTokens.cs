using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace RtChat.Web.Web;

/// <summary>
/// Antiforgery that makes a browser's request token once per cookie and user instead of on every page: reading the
/// cookie token and encrypting a new request token was a tenth of a page view. A request token is valid for as long
/// as its cookie token and user are the same, so handing the same one out again changes nothing for validation, which
/// stays the framework's. A browser without a valid cookie, or a user not seen with it, goes to the framework, whose
/// token is kept only when it kept the browser's cookie.
/// </summary>
public sealed class ReusedRequestTokens(IAntiforgery framework, IOptions<AntiforgeryOptions> options) : IAntiforgery, IDisposable
{
    /// <summary>Browsers (cookie and user) whose token is kept.</summary>
    public const int Limit = 20_000;

    private readonly AntiforgeryOptions _options = options.Value;

    // Not for ever: a token kept past a revoked data protection key would be refused until it goes.
    private readonly Memo<(string Cookie, string? UserId, string? UserName), string> _tokens = new(Limit, TimeSpan.FromMinutes(10));

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext context)
    {
        var browser = Browser(context);
        if (browser is { } known && _tokens.TryGet(known, out var kept))
        {
            DoNotCache(context.Response);
            return new AntiforgeryTokenSet(kept, cookieToken: null, _options.FormFieldName, _options.HeaderName);
        }
        var tokens = framework.GetAndStoreTokens(context);
        // A cookie token in the answer is a new cookie: the one sent was missing or not valid.
        if (browser is { } seen && tokens.CookieToken is null && tokens.RequestToken is { } made)
            _tokens.Keep(seen, made);
        return tokens;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext context) => framework.GetTokens(context);

    public Task<bool> IsRequestValidAsync(HttpContext context) => framework.IsRequestValidAsync(context);

    public Task ValidateRequestAsync(HttpContext context) => framework.ValidateRequestAsync(context);

    public void SetCookieTokenAndHeader(HttpContext context) => framework.SetCookieTokenAndHeader(context);

    private (string, string?, string?)? Browser(HttpContext context) =>
        context.Request.Cookies[_options.Cookie.Name!] is { Length: > 0 } cookie
            ? (cookie, context.User.FindFirstValue(ClaimTypes.NameIdentifier), context.User.Identity?.Name)
            : null;

    // What the framework sets on every response that carries a token: a page with one is no one else's to store.
    private static void DoNotCache(HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
    }

    public void Dispose() => _tokens.Dispose();
}
