using Microsoft.Extensions.Configuration;
using RtChat.Web.Web;

namespace RtChat.Web.Tests.Web;

/// <summary><c>App:PublicOrigin</c>, the one base of links in mail: configured, or the one allowed host, or no start.</summary>
public sealed class PublicOriginTests
{
    [Test]
    public void The_configured_origin_is_kept_without_a_trailing_slash_or_path()
    {
        var origin = PublicOrigin.From(Configuration(("App:PublicOrigin", "https://chat.example.com/")));

        Assert.That(origin.Link("/Identity/Account/Login?x=1").ToString(), Is.EqualTo("https://chat.example.com/Identity/Account/Login?x=1"));
    }

    [Test]
    public void Without_it_a_single_allowed_host_gives_its_https_origin()
    {
        var origin = PublicOrigin.From(Configuration(("AllowedHosts", "chat.example.com")));

        Assert.That(origin.Uri, Is.EqualTo(new Uri("https://chat.example.com")));
    }

    [TestCase("*")]
    [TestCase("*.example.com")]
    [TestCase("chat.example.com;www.example.com")]
    [TestCase("")]
    public void Without_it_and_without_a_single_allowed_host_the_app_refuses_to_start(string allowedHosts)
    {
        var start = () => PublicOrigin.From(Configuration(("AllowedHosts", allowedHosts)));

        Assert.That(start, Throws.InvalidOperationException.With.Message.Contains("App:PublicOrigin is not set"));
    }

    [TestCase("chat.example.com")]
    [TestCase("ftp://chat.example.com")]
    [TestCase("https://chat.example.com/chat")]
    [TestCase("https://user:pw@chat.example.com")]
    public void An_origin_that_is_not_scheme_host_and_port_refuses_to_start(string value)
    {
        var start = () => PublicOrigin.From(Configuration(("App:PublicOrigin", value)));

        Assert.That(start, Throws.InvalidOperationException.With.Message.Contains("must be an origin"));
    }

    [TestCase("https://chat.example.com", true)]
    [TestCase("https://CHAT.example.com:443", true)]
    [TestCase("http://chat.example.com", false)]
    [TestCase("https://chat.example.com:8443", false)]
    [TestCase("https://chat.example.com.evil.example", false)]
    public void Matches_compares_scheme_host_and_port(string origin, bool matches)
    {
        var site = PublicOrigin.From(Configuration(("App:PublicOrigin", "https://chat.example.com")));

        Assert.That(site.Matches(new Uri(origin)), Is.EqualTo(matches));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))).Build();
}
