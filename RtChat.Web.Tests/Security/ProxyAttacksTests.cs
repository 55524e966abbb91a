using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Security;

/// <summary>
/// Behind a proxy on the same machine (loopback, trusted by default): the per-address limits count the client the proxy
/// names, and a client cannot pass for another by writing X-Forwarded-For itself.
/// </summary>
public sealed class ProxyAttacksTests : AppFixture
{
    private const int Limit = ProxySteps.AccountFormLimit;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = ProxySteps.LimitedSettings();

    [Test]
    public async Task Guessing_passwords_from_behind_a_known_proxy_is_limited_per_client_not_per_proxy()
    {
        var guesser = await App.FailedLoginStatusesAsync(Limit + 1, _ => "203.0.113.7");
        var neighbour = await App.FailedLoginStatusAsync("203.0.113.8");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(guesser[^1], Is.EqualTo(HttpStatusCode.TooManyRequests), "the client the proxy names is limited");
            Assert.That(neighbour, Is.EqualTo(HttpStatusCode.OK), "another client behind the same proxy is not");
        }
    }

    [Test]
    public async Task Guessing_passwords_from_a_new_ipv6_address_of_the_same_64_each_time_is_limited()
    {
        var statuses = await App.FailedLoginStatusesAsync(Limit + 1, i => $"2001:db8:1:2::{i + 1:x}");
        var otherNetwork = await App.FailedLoginStatusAsync("2001:db8:1:3::1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses[^1], Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(otherNetwork, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Guessing_passwords_with_a_new_forged_x_forwarded_for_each_time_is_still_limited()
    {
        // The client writes its own first entry; the proxy appends the address the connection really came from.
        var statuses = await App.FailedLoginStatusesAsync(Limit + 1, i => $"198.51.100.{i + 1}, 203.0.113.9");

        Assert.That(statuses[^1], Is.EqualTo(HttpStatusCode.TooManyRequests));
    }
}
