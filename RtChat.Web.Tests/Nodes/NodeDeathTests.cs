using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Nodes;

/// <summary>
/// A node killed outright behind nginx: the other node stops counting its people within the presence TTL, and its
/// pages come back through nginx to the other node and miss nothing.
/// </summary>
public sealed class NodeDeathTests
{
    private RedisServer _redis = null!;
    private RtChatApp _survivor = null!;
    private NodeProcess _doomed = null!;
    private NginxServer _nginx = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _redis = new RedisServer();
        await _redis.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Realtime:Backplane"] = "Redis",
            ["ConnectionStrings:Redis"] = _redis.ConnectionString,
            ["Realtime:PresenceTtl"] = "00:00:03",
            ["Chat:SendLimit"] = "1000",
        };
        _survivor = new RtChatApp(settings);
        _doomed = await NodeProcess.StartAsync(_survivor.Root, settings);
        _nginx = new NginxServer([_doomed.BaseAddress, _survivor.BaseAddress]);
        await _nginx.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _nginx.DisposeAsync();
        await _doomed.DisposeAsync();
        await _survivor.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Test]
    public async Task A_killed_node_stops_counting_its_people_and_its_pages_resume_through_nginx_without_loss()
    {
        using var chat = await _survivor.PrivateChatAsync();
        await using var aliceOnDoomed = await ChatSocket.ConnectAsync(_doomed.BaseAddress, chat.AliceWeb, chat.Room, name: "alice's page on the doomed node");
        await aliceOnDoomed.SendResumeAsync(await _survivor.LastMessageIdAsync(chat.Room));
        await using var bobOnSurvivor = await ChatSocket.ConnectAsync(_survivor.BaseAddress, chat.BobWeb, chat.Room, name: "bob's page on the survivor");
        await bobOnSurvivor.SendResumeAsync(await _survivor.LastMessageIdAsync(chat.Room));
        await bobOnSurvivor.WaitForOnlineCountAsync(2);
        await aliceOnDoomed.WaitForMessageAsync(await SendAsync(chat.BobWeb, chat.Room, "Before the crash"));

        await _doomed.KillAsync();
        var missed = new List<long>();
        for (var i = 1; i <= 3; i++) missed.Add(await SendAsync(chat.BobWeb, chat.Room, $"While alice's node is dead, {i}"));

        await bobOnSurvivor.WaitForOnlineCountAsync(1);
        await aliceOnDoomed.WaitForEndAsync();
        await using var aliceBack = await ChatSocket.ConnectAsync(_nginx.BaseAddress, chat.AliceWeb, chat.Room, name: "alice's page, back through nginx");
        await aliceBack.SendResumeAsync(aliceOnDoomed.MessageIds.Max());
        foreach (var id in missed) await aliceBack.WaitForMessageAsync(id);
    }

    private async Task<long> SendAsync(WebSession web, string room, string body)
    {
        body = $"{body} ({Guid.NewGuid()})";
        using var onSurvivor = new WebSession(_survivor.BaseAddress, web.Cookies);
        await (await onSurvivor.OpenComposerAsync(room)).SendAsync(body);
        return await _survivor.MessageIdAsync(body);
    }
}
