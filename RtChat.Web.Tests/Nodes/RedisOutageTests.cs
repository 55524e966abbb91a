using Microsoft.Extensions.Logging;
using RtChat.Web.Realtime;
using RtChat.Web.Tests.Support;
using StackExchange.Redis;

namespace RtChat.Web.Tests.Nodes;

/// <summary>Redis goes away and comes back: the nodes keep serving their own sockets, say so once, and join up again by themselves.</summary>
public sealed class RedisOutageTests : TwoNodesFixture
{
    private const string Unreachable = "Redis is unreachable";

    // The multiplexer's reconnect backs off for a few seconds.
    private static readonly TimeSpan Reconnecting = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Without_Redis_each_node_serves_its_own_sockets_and_after_it_every_page_gets_what_it_missed()
    {
        using var chat = await NodeA.PrivateChatAsync();
        await using var bobOnA = await OpenRoomPageAsync(NodeA, chat.BobWeb, chat.Room, "bob's socket on node A");
        await using var bobOnB = await OpenRoomPageAsync(NodeB, chat.BobWeb, chat.Room, "bob's socket on node B");
        await WaitUntilLiveAsync(bobOnA, NodeA, chat.AliceWeb, chat.Room);
        await WaitUntilLiveAsync(bobOnB, NodeA, chat.AliceWeb, chat.Room);

        var (saidByA, saidByB) = (UnreachableWarnings(LogsOfA), UnreachableWarnings(LogsOfB));

        await Redis.StopAsync();
        Assert.That(await EventuallyAsync(async () => await HealthAsync(NodeA) == "Degraded" && await HealthAsync(NodeB) == "Degraded"),
            "both nodes say Degraded on /healthz");
        var (postedOnA, postedOnB) = (new List<long>(), new List<long>());
        for (var i = 0; i < 3; i++)
        {
            postedOnA.Add(await SendAsync(NodeA, chat.AliceWeb, chat.Room, $"Still here on A, {Guid.NewGuid()}"));
            await bobOnA.WaitForMessageAsync(postedOnA[^1]);
            postedOnB.Add(await SendAsync(NodeB, chat.AliceWeb, chat.Room, $"Still here on B, {Guid.NewGuid()}"));
            await bobOnB.WaitForMessageAsync(postedOnB[^1]);
        }
        var missedOnB = postedOnA.Except(bobOnB.MessageIds).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(UnreachableWarnings(LogsOfA), Is.EqualTo(saidByA + 1), "node A says it once");
            Assert.That(UnreachableWarnings(LogsOfB), Is.EqualTo(saidByB + 1), "node B says it once");
        }

        await Redis.StartAsync();
        Assert.That(await EventuallyAsync(async () => await HealthAsync(NodeA) == "Healthy" && await HealthAsync(NodeB) == "Healthy"
            && await SubscribersAsync() == 2, Reconnecting), "both nodes are back on the channel");

        foreach (var id in postedOnA) await bobOnB.WaitForMessageAsync(id);
        foreach (var id in postedOnB) await bobOnA.WaitForMessageAsync(id);
        await bobOnB.WaitForMessageAsync(await SendAsync(NodeA, chat.AliceWeb, chat.Room, $"Across again, {Guid.NewGuid()}"));
        Assert.That(missedOnB, Is.Not.Empty, "node B's page missed node A's messages while Redis was away, and got them after");
    }

    [Test]
    public async Task An_edit_made_on_node_A_while_Redis_was_away_reaches_node_Bs_page_after_it()
    {
        using var chat = await NodeA.PrivateChatAsync();
        await using var bobOnB = await OpenRoomPageAsync(NodeB, chat.BobWeb, chat.Room, "bob's socket on node B");
        await WaitUntilLiveAsync(bobOnB, NodeA, chat.AliceWeb, chat.Room);
        var message = await SendAsync(NodeA, chat.AliceWeb, chat.Room, $"Before the outage, {Guid.NewGuid()}");
        await NodeA.EditAsync(message, "Edited before the outage");
        await bobOnB.WaitForAsync(f => f.Contains("Edited before the outage"), "the edit before the outage");
        // Newer messages than the resume's overlap: the catch-up's messages do not bring the edited one again.
        for (var i = 0; i <= new RealtimeOptions().ResumeOverlap; i++)
            await bobOnB.WaitForMessageAsync(await SendAsync(NodeA, chat.AliceWeb, chat.Room, $"Later {i}, {Guid.NewGuid()}"));

        await Redis.StopAsync();
        Assert.That(await EventuallyAsync(async () => await HealthAsync(NodeA) == "Degraded"), "node A is cut off");
        await NodeA.EditAsync(message, "Edited while Redis was away");
        await Redis.StartAsync();
        Assert.That(await EventuallyAsync(async () => await HealthAsync(NodeA) == "Healthy" && await HealthAsync(NodeB) == "Healthy"
            && await SubscribersAsync() == 2, Reconnecting), "both nodes are back on the channel");

        await bobOnB.WaitForAsync(f => f.Contains("Edited while Redis was away"), "the edit made during the outage", Reconnecting);
    }

    [Test]
    public async Task A_profile_edit_made_on_node_A_while_Redis_was_away_shows_on_node_B_once_it_is_back()
    {
        var (web, onB) = await UserKnownToBothAsync("away");
        using var __ = web;
        using var ___ = onB;

        await Redis.StopAsync();
        Assert.That(await EventuallyAsync(async () => await HealthAsync(NodeA) == "Degraded" && await HealthAsync(NodeB) == "Degraded"),
            "both nodes know Redis is away");
        using (await web.SaveProfileAsync(null, displayName: "Renamed While Away")) { }
        await Redis.StartAsync();
        Assert.That(await EventuallyAsync(async () => await HealthAsync(NodeA) == "Healthy" && await HealthAsync(NodeB) == "Healthy", Reconnecting),
            "both nodes are back");

        Assert.That(await NodeBShowsNameAsync(onB, "Renamed While Away"), "node B's header shows the new name");
    }

    [Test]
    public async Task A_page_that_reconnects_after_the_outage_gets_what_another_node_delivered_only_to_its_own()
    {
        using var chat = await NodeA.PrivateChatAsync();
        long missedOnA, newestOnB = 0;
        await using (var bobOnB = await OpenRoomPageAsync(NodeB, chat.BobWeb, chat.Room, "bob's page on node B"))
        {
            await WaitUntilLiveAsync(bobOnB, NodeA, chat.AliceWeb, chat.Room);
            await Redis.StopAsync();
            Assert.That(await EventuallyAsync(async () => await HealthAsync(NodeA) == "Degraded" && await HealthAsync(NodeB) == "Degraded"),
                "both nodes know Redis is away");
            missedOnA = await SendAsync(NodeA, chat.AliceWeb, chat.Room, $"Only on A, {Guid.NewGuid()}");
            // More messages on bob's own node than a resume's overlap: his page's newest is well past the one it missed.
            for (var i = 0; i <= 10; i++) newestOnB = await SendAsync(NodeB, chat.AliceWeb, chat.Room, $"On B, {i}, {Guid.NewGuid()}");
            await bobOnB.WaitForMessageAsync(newestOnB);
            Assert.That(bobOnB.MessageIds, Does.Not.Contain(missedOnA));
        }
        await Redis.StartAsync();
        Assert.That(await EventuallyAsync(async () => await HealthAsync(NodeA) == "Healthy" && await HealthAsync(NodeB) == "Healthy", Reconnecting),
            "both nodes are back");

        await using var bobAgain = await ChatSocket.ConnectAsync(NodeB.BaseAddress, chat.BobWeb, chat.Room, name: "bob's page, reconnected");
        await bobAgain.SendResumeAsync(newestOnB);

        await bobAgain.WaitForMessageAsync(missedOnA);
    }

    private static int UnreachableWarnings(LogRecorder logs) =>
        logs.Logs.Count(l => l.Level == LogLevel.Warning && l.Message.StartsWith(Unreachable, StringComparison.Ordinal));

    private static async Task<string> HealthAsync(RtChatApp node)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        return await http.GetStringAsync("/healthz");
    }

    private async Task<long> SubscribersAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var answer = (RedisResult[])(await redis.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", RedisBackplane.Channel.ToString()))!;
        return (long)answer[1];
    }
}
