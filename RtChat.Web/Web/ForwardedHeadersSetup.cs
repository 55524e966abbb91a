using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace RtChat.Web.Web;

/// <summary>
/// The <c>ForwardedHeaders</c> section: the proxies in front of the app whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. With none listed, only loopback (ASP.NET's default: a proxy on the same machine);
/// a list replaces that default, so what is trusted is exactly what is written.
/// </summary>
public sealed class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, e.g. <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public static void AddTo(WebApplicationBuilder builder)
    {
        var known = builder.Configuration.GetSection(Section).Get<ForwardedHeadersSetup>() ?? new ForwardedHeadersSetup();
        var proxies = known.KnownProxies.Select(ParseAddress).ToList();
        var networks = known.KnownNetworks.Select(ParseNetwork).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Host stays the request's own: AllowedHosts and App:PublicOrigin decide what the site is called.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Each hop is followed only while the address it came from is a known proxy, so a client's own
            // X-Forwarded-For entries stop at the first address no proxy of ours vouches for.
            options.ForwardLimit = null;
            if (proxies.Count + networks.Count == 0) return;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
    }

    private static IPAddress ParseAddress(string value) =>
        IPAddress.TryParse(value.Trim(), out var address) ? address
            : throw new InvalidOperationException($"{Section}:KnownProxies holds \"{value}\", which is not an IP address.");

    private static System.Net.IPNetwork ParseNetwork(string value) =>
        System.Net.IPNetwork.TryParse(value.Trim(), out var network) ? network
            : throw new InvalidOperationException($"{Section}:KnownNetworks holds \"{value}\", which is not a network such as 10.0.0.0/8.");
}
