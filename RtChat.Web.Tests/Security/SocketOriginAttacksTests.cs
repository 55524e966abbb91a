using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Security;

/// <summary>Cross-site WebSocket hijacking: a page elsewhere opening a socket with the visitor's cookie.</summary>
public sealed class SocketOriginAttacksTests : AppFixture
{
    private const string AllowedOrigin = "https://chat.example.com";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["Realtime:AllowedOrigins:0"] = AllowedOrigin };

    [TestCase("null")]
    [TestCase("http://evil.example")]
    [TestCase("http://chat.example.com")]
    [TestCase("https://chat.example.com:8443")]
    [TestCase("https://chat.example.com.evil.example")]
    public async Task Socket_from_a_foreign_origin_is_refused(string origin)
    {
        var (web, _) = await App.SignedUpAsync("victim");
        using var __ = web;

        var status = await ChatSocket.RefusedStatusAsync(App.BaseAddress, web, origin: origin);

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("https", null)]
    [TestCase(null, 1)]
    public async Task Socket_from_the_sites_host_over_another_scheme_or_port_is_refused(string? scheme, int? port)
    {
        var (web, _) = await App.SignedUpAsync("victim");
        using var __ = web;
        var site = new UriBuilder(App.BaseAddress);
        var lookalike = new UriBuilder(App.BaseAddress) { Scheme = scheme ?? site.Scheme, Port = port ?? site.Port };

        var status = await ChatSocket.RefusedStatusAsync(App.BaseAddress, web, origin: lookalike.Uri.GetLeftPart(UriPartial.Authority));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Socket_without_an_origin_and_without_a_sign_in_cookie_is_refused()
    {
        var status = await ChatSocket.RefusedStatusAsync(App.BaseAddress, session: null, origin: ChatSocket.NoOrigin);

        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Socket_without_an_origin_but_with_a_sign_in_cookie_is_a_non_browser_client_and_is_accepted()
    {
        var (web, _) = await App.SignedUpAsync("client");
        using var __ = web;

        await using var socket = await ChatSocket.ConnectAsync(App.BaseAddress, web, origin: ChatSocket.NoOrigin);

        Assert.That(socket.Socket.HttpStatusCode, Is.EqualTo(HttpStatusCode.SwitchingProtocols));
    }
}
