using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Security;

/// <summary>With the proxies configured (none on loopback), a request from any other address cannot name its client.</summary>
public sealed class UntrustedProxyAttacksTests : AppFixture
{
    private const int Limit = ProxySteps.AccountFormLimit;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        ProxySteps.LimitedSettings(("ForwardedHeaders:KnownProxies:0", "192.0.2.10"), ("ForwardedHeaders:KnownNetworks:0", "10.20.0.0/16"));

    [Test]
    public async Task Guessing_passwords_with_a_new_x_forwarded_for_each_time_from_an_unknown_address_is_limited_by_that_address()
    {
        var statuses = await App.FailedLoginStatusesAsync(Limit + 1, i => $"203.0.113.{i + 1}");

        Assert.That(statuses, Is.EqualTo(Enumerable.Repeat(HttpStatusCode.OK, Limit).Append(HttpStatusCode.TooManyRequests)));
    }
}
