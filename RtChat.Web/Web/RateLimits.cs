using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace RtChat.Web.Web;

/// <summary>The <c>RateLimits</c> section: how many form posts one client address, or one user, may make.</summary>
public sealed class RateLimits
{
    public const string Section = "RateLimits";
    public const string AccountForms = "account-forms";

    /// <summary>Log-in, sign-up, reset and resend posts per minute from one address (guessing and mail-bombing).</summary>
    public int AccountFormsPerMinute { get; set; } = 20;

    /// <summary>Profile saves per minute by one user: each may carry an image to read and decode.</summary>
    public int ProfileSavesPerMinute { get; set; } = 10;

    public static void AddTo(WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(Section).Get<RateLimits>() ?? new RateLimits();
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton<Pages.Profile.ProfileSaveThrottle>();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(AccountForms, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    ClientKey(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.AccountFormsPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("reads"));
        });
    }

    /// <summary>
    /// Who a per-address limit counts: an IPv4 address, or an IPv6 address's /64, which one subscriber commonly holds
    /// whole and could otherwise spread guesses across. Behind a known proxy this is the client the proxy names.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
