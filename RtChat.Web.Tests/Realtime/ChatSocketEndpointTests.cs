using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Realtime;

/// <summary><c>/ws</c> over real WebSockets: who may open one, and what everyone in the room receives.</summary>
public sealed class ChatSocketEndpointTests : AppFixture
{
    private const string OtherAllowedOrigin = "https://chat.example.com";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Realtime:AllowedOrigins:0"] = OtherAllowedOrigin,
        ["Chat:SendLimit"] = "1000",
    };


    [Test]
    public async Task A_posted_message_reaches_every_socket_in_the_room_as_the_same_bytes_sender_included()
    {
        var (aliceWeb, alice) = await App.SignedUpAsync("alice");
        var (bobWeb, _) = await App.SignedUpAsync("bob");
        using var _ = aliceWeb;
        using var __ = bobWeb;
        var last = await App.LastMessageIdAsync();
        await using var aliceSocket = await ChatSocket.ConnectAsync(App.BaseAddress, aliceWeb, name: "alice's socket");
        await using var bobSocket = await ChatSocket.ConnectAsync(App.BaseAddress, bobWeb, name: "bob's socket");
        await aliceSocket.SendResumeAsync(last);
        await bobSocket.SendResumeAsync(last);
        var composer = await aliceWeb.OpenComposerAsync();

        var body = $"Hello everyone, {alice.Username} here";
        await composer.SendAsync(body);
        var id = await App.MessageIdAsync(body);

        var toAlice = await aliceSocket.WaitForMessageAsync(id);
        var toBob = await bobSocket.WaitForMessageAsync(id);
        var aliceId = await App.UserIdAsync(alice);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(toBob, Is.EqualTo(toAlice), "the same bytes for everyone");
            Assert.That(toAlice, Does.StartWith($"<div id=\"messages\" hx-swap-oob=\"beforeend\"><article id=\"message-{id}\""));
            Assert.That(toAlice, Does.Contain($"data-author-id=\"{aliceId}\""));
            Assert.That(toAlice, Does.Contain(body));
            Assert.That(aliceSocket.MessageIds, Is.EqualTo(new[] { id }));
            Assert.That(bobSocket.MessageIds, Is.EqualTo(new[] { id }));
        }
    }

    [TestCaseSource(typeof(ChatSteps), nameof(ChatSteps.XssPayloads))]
    public async Task Markup_in_a_message_arrives_on_the_socket_as_inert_text(string payload)
    {
        var (web, user) = await App.SignedUpAsync("sock");
        using var _ = web;
        await using var socket = await ChatSocket.ConnectAsync(App.BaseAddress, web);
        await socket.SendResumeAsync(await App.LastMessageIdAsync());
        var composer = await web.OpenComposerAsync();
        var body = $"{payload} from {user.Username}";

        await composer.SendAsync(body);
        var id = await App.MessageIdAsync(body);
        var frame = await socket.WaitForMessageAsync(id);

        var fragment = await WebSession.ParseHtmlAsync(frame, App.BaseAddress);
        var article = fragment.QuerySelector($"#message-{id}");
        Assert.That(article, Is.Not.Null, $"the frame carries message {id}: {frame}");
        ChatSteps.AssertShowsInertly(article!, body);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fragment.QuerySelectorAll("[hx-swap-oob]").Select(e => e.Id), Is.EqualTo(new[] { "messages" }), "one out-of-band target: the list");
            Assert.That(fragment.QuerySelectorAll("#composer"), Is.Empty);
            Assert.That(fragment.QuerySelectorAll("script"), Is.Empty);
        }
    }

    [Test]
    public async Task A_socket_from_another_site_is_refused_with_403()
    {
        var (web, _) = await App.SignedUpAsync("sock");
        using var __ = web;

        var status = await ChatSocket.RefusedStatusAsync(App.BaseAddress, web, origin: "http://evil.example");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_socket_from_a_configured_origin_or_the_site_itself_is_accepted()
    {
        var (web, _) = await App.SignedUpAsync("sock");
        using var __ = web;

        await using var fromSite = await ChatSocket.ConnectAsync(App.BaseAddress, web);
        await using var fromConfigured = await ChatSocket.ConnectAsync(App.BaseAddress, web, origin: OtherAllowedOrigin);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromSite.Socket.HttpStatusCode, Is.EqualTo(HttpStatusCode.SwitchingProtocols));
            Assert.That(fromConfigured.Socket.HttpStatusCode, Is.EqualTo(HttpStatusCode.SwitchingProtocols));
        }
    }

    [Test]
    public async Task An_anonymous_socket_is_refused_with_401()
    {
        var status = await ChatSocket.RefusedStatusAsync(App.BaseAddress, session: null);

        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_socket_to_an_unknown_room_is_refused_with_404()
    {
        var (web, _) = await App.SignedUpAsync("sock");
        using var __ = web;

        var status = await ChatSocket.RefusedStatusAsync(App.BaseAddress, web, room: "nope");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_socket_to_a_group_the_user_is_not_in_is_refused_as_not_found()
    {
        var (web, _) = await App.SignedUpAsync("sock");
        var (memberWeb, member) = await App.SignedUpAsync("member");
        using var __ = web;
        using var ___ = memberWeb;
        var group = await App.CreateGroupAsync(member);

        var status = await ChatSocket.RefusedStatusAsync(App.BaseAddress, web, room: group);
        await using var memberSocket = await ChatSocket.ConnectAsync(App.BaseAddress, memberWeb, room: group);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(memberSocket.Socket.HttpStatusCode, Is.EqualTo(HttpStatusCode.SwitchingProtocols));
        }
    }
}
