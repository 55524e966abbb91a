using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Nodes;

/// <summary>
/// The two nodes behind a real nginx running deploy/nginx/rtchat.conf: round robin without sticky sessions, so
/// consecutive requests of one browser land on different nodes, and sockets pass through it.
/// </summary>
public sealed class BehindNginxTests : TwoNodesFixture
{
    private NginxServer _nginx = null!;

    [OneTimeSetUp]
    public async Task StartNginxAsync()
    {
        _nginx = new NginxServer([NodeA.BaseAddress, NodeB.BaseAddress]);
        await _nginx.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopNginxAsync() => await _nginx.DisposeAsync();

    /// <summary>The same browser as <paramref name="web"/> (its cookies), talking to nginx.</summary>
    private WebSession ThroughNginx(WebSession? web = null) => new(_nginx.BaseAddress, web?.Cookies ?? new CookieContainer());

    [Test]
    public async Task A_page_and_the_health_check_come_through_nginx()
    {
        using var web = ThroughNginx();

        var login = await web.GetPageAsync(AccountSteps.LoginPath);
        using var health = await web.GetAsync("/healthz");

        Assert.That(login.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(login.Form().GetAttribute("method"), Is.EqualTo("post").IgnoreCase);
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), await health.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Signing_in_through_nginx_signs_in()
    {
        var (_, user) = await NodeA.SignedUpAsync("nginx-login");
        using var web = ThroughNginx();

        // The form comes from one node and is posted to the other: the antiforgery token holds on both.
        using (var response = await web.PostLoginAsync(user.Email, user.Password))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the sign-in succeeded");
        var page = await web.GetPageAsync(ProfileSteps.EditPath);

        Assert.That(page.Url.AbsolutePath, Is.EqualTo(ProfileSteps.EditPath), "no way to the log-in page");
        Assert.That(page.HeaderName(), Is.EqualTo(user.Username));
    }

    [Test]
    public async Task A_socket_opened_through_nginx_gets_messages_posted_through_it()
    {
        using var chat = await NodeA.PrivateChatAsync();
        using var bob = ThroughNginx(chat.BobWeb);
        using var alice = ThroughNginx(chat.AliceWeb);
        await using var socket = await ChatSocket.ConnectAsync(_nginx.BaseAddress, bob, chat.Room, name: "bob's socket through nginx");
        await socket.SendResumeAsync(await NodeA.LastMessageIdAsync(chat.Room));
        var body = $"Through nginx, {Guid.NewGuid()}";

        await (await alice.OpenComposerAsync(chat.Room)).SendAsync(body);

        await socket.WaitForMessageAsync(await NodeA.MessageIdAsync(body));
    }

    [Test]
    public async Task Files_larger_together_than_nginx_default_limit_are_shared_through_it()
    {
        using var chat = await NodeA.PrivateChatAsync();
        using var alice = ThroughNginx(chat.AliceWeb);
        var files = Enumerable.Range(1, 3).Select(i => new Upload($"notes-{i}.bin", "application/octet-stream", new byte[3 * 1024 * 1024])).ToArray();

        await alice.ShareOkAsync(chat.Room, files);

        Assert.That((await NodeA.AttachmentsAsync(chat.Room)).Select(a => a.Attachment.Size), Is.EqualTo(files.Select(f => (long)f.Content.Length)));
    }

    [Test]
    public async Task A_node_that_is_down_is_skipped()
    {
        var nothingListens = new Uri("http://127.0.0.1:1/"); // tcpmux: refused on any machine of ours
        await using var nginx = new NginxServer([nothingListens, NodeA.BaseAddress]);
        await nginx.StartAsync();
        using var web = new WebSession(nginx.BaseAddress);

        for (var i = 0; i < 4; i++)
        {
            using var health = await web.GetAsync("/healthz");
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"request {i + 1}");
        }
    }

    [Test]
    public async Task A_signed_in_user_stays_signed_in_while_requests_alternate_between_nodes()
    {
        var (_, user) = await NodeA.SignedUpAsync("round-robin");
        using var web = ThroughNginx();
        using (await web.PostLoginAsync(user.Email, user.Password)) { }
        var visits = Enumerable.Range(0, 6).Select(i => $"{ProfileSteps.EditPath}?visit={i}-{Guid.NewGuid():N}").ToList();

        foreach (var visit in visits)
        {
            var page = await web.GetPageAsync(visit);
            Assert.That(page.HeaderName(), Is.EqualTo(user.Username), $"still signed in at {visit}");
        }

        var nodes = visits.Select(visit => _nginx.NodesThatServed(visit).Single()).ToList();
        Assert.That(nodes.Distinct(), Is.EquivalentTo(new[] { NodeA.BaseAddress.Authority, NodeB.BaseAddress.Authority }),
            "both nodes served the visits: " + string.Join(", ", nodes));
    }
}
