using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace RtChat.Web.Areas.Identity;

/// <summary>
/// Identity re-checks a sign-in cookie's security stamp once per <see cref="SecurityStampValidatorOptions.ValidationInterval"/>,
/// but its validator is built (SignInManager, UserManager, a DbContext) on every request only to find the check isn't
/// due. Chat posts and sockets are many small requests, and a socket's request lives as long as the socket, so the
/// "is it due?" test runs here first and the validator is built only when it is.
/// </summary>
public static class SecurityStampCheck
{
    public static Task ValidateWhenDueAsync(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (context.Properties.IssuedUtc is { } issued && now - issued <= options.ValidationInterval)
            return Task.CompletedTask;
        return SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
