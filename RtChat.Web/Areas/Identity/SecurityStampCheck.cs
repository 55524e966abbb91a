using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace RtChat.Web.Areas.Identity;

/// <summary>
/// Identity re-checks a sign-in cookie's security stamp once per <see cref="SecurityStampValidatorOptions.ValidationInterval"/>,
/// but its validator is built (SignInManager, UserManager, a DbContext) on every request only to find the check isn't
/// due. Chat posts and sockets are many small requests, and a socket's request lives as long as the socket, so the
/// "is it due?" test runs here first and the validator is built only when it is, or when the user's sessions were
/// revoked since the cookie was issued (<see cref="Revocations"/>).
/// </summary>
public static class SecurityStampCheck
{
    public static Task ValidateWhenDueAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (context.Properties.IssuedUtc is { } issued
            && services.GetRequiredService<Revocations>().MayHaveRevoked(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), issued))
            return ValidateNowAsync(context);
        if (context.Properties.IssuedUtc is { } since && now - since <= options.ValidationInterval)
            return Task.CompletedTask;
        return SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>
    /// The framework's validator checks only when its interval is due; a maybe-revoked session is checked now. A session
    /// that passes gets a renewed cookie, issued after the revocation, so it is not checked again on every request.
    /// </summary>
    private static async Task ValidateNowAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>();
        if (await signIn.ValidateSecurityStampAsync(context.Principal) is not null)
        {
            context.ShouldRenew = true;
            return;
        }
        context.RejectPrincipal();
        await signIn.SignOutAsync();
    }
}
