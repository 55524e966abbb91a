using Microsoft.Extensions.Logging.Abstractions;
using RtChat.Web.Realtime;
using RtChat.Web.Tests.Support;
using StackExchange.Redis;

namespace RtChat.Web.Tests.Nodes;

/// <summary>Presence kept in a real Redis by two nodes (two instances, each with its own connection): one count for all.</summary>
public sealed class RedisPresenceTests
{
    private const int Room = 1;
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(1);
    private readonly List<IConnectionMultiplexer> _connections = [];
    private RedisServer _redis = null!;

    private sealed record Node(RedisPresence Presence, StalePresence Stale, Guid Id, DeathsHeard Deaths);

    private sealed class DeathsHeard : INodeDeaths
    {
        public List<Guid> Nodes { get; } = [];
        public void Died(Guid node) => Nodes.Add(node);
    }

    [SetUp]
    public async Task StartRedisAsync()
    {
        _redis = new RedisServer();
        await _redis.StartAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
        _connections.Clear();
        await _redis.DisposeAsync();
    }

    [Test]
    public async Task People_on_two_nodes_count_once_and_the_same_on_both()
    {
        var (a, b) = (await NodeAsync(), await NodeAsync());
        await a.Presence.ConnectedAsync(Room, "alice", Guid.NewGuid());
        await a.Presence.ConnectedAsync(Room, "alice", Guid.NewGuid());
        await b.Presence.ConnectedAsync(Room, "alice", Guid.NewGuid());
        await b.Presence.ConnectedAsync(Room, "bob", Guid.NewGuid());
        await b.Presence.ConnectedAsync(null, "carol", Guid.NewGuid());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await a.Presence.OnlineInAsync(Room), Is.EquivalentTo(new[] { "alice", "bob" }));
            Assert.That(await b.Presence.OnlineInAsync(Room), Is.EquivalentTo(new[] { "alice", "bob" }));
            Assert.That(await a.Presence.OnlineTotalAsync(), Is.EqualTo(3));
            Assert.That(await b.Presence.OnlineTotalAsync(), Is.EqualTo(3));
        }
    }

    [Test]
    public async Task Leaving_one_node_keeps_a_person_online_while_another_node_has_them()
    {
        var (a, b) = (await NodeAsync(), await NodeAsync());
        var (onA, onB) = (Guid.NewGuid(), Guid.NewGuid());
        await a.Presence.ConnectedAsync(Room, "alice", onA);
        await b.Presence.ConnectedAsync(Room, "alice", onB);

        await a.Presence.DisconnectedAsync(onA);
        var afterA = await b.Presence.OnlineInAsync(Room);
        await b.Presence.DisconnectedAsync(onB);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterA, Is.EquivalentTo(new[] { "alice" }));
            Assert.That(await a.Presence.OnlineInAsync(Room), Is.Empty);
            Assert.That(await a.Presence.OnlineTotalAsync(), Is.Zero);
        }
    }

    [Test]
    public async Task A_change_on_one_node_tells_the_other_which_room_to_look_at()
    {
        var (a, b) = (await NodeAsync(), await NodeAsync());
        b.Stale.TakeRooms();

        await a.Presence.ConnectedAsync(Room, "alice", Guid.NewGuid());

        Assert.That(await EventuallyAsync(() => b.Stale.TakeRooms().Contains(Room)), "node B hears of the room");
    }

    [Test]
    public async Task A_node_that_stops_beating_stops_counting_within_the_ttl()
    {
        var (dead, alive) = (await NodeAsync(), await NodeAsync());
        await dead.Presence.ConnectedAsync(Room, "alice", Guid.NewGuid());
        await alive.Presence.ConnectedAsync(2, "bob", Guid.NewGuid());
        var before = await alive.Presence.OnlineInAsync(Room);

        IReadOnlyCollection<int> expired = [];
        Assert.That(await EventuallyAsync(async () =>
        {
            await alive.Presence.RefreshAsync([]);
            expired = await alive.Presence.ExpireAsync();
            return expired.Count > 0;
        }, Ttl * 3), "the surviving node expires the dead one's rooms");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.EquivalentTo(new[] { "alice" }), "counted while its node beat");
            Assert.That(expired, Is.EquivalentTo(new[] { Room }));
            Assert.That(alive.Deaths.Nodes, Is.EqualTo(new[] { dead.Id }), "the backplane hears which node died");
            Assert.That(await alive.Presence.OnlineInAsync(Room), Is.Empty);
            Assert.That(await alive.Presence.OnlineTotalAsync(), Is.EqualTo(1), "bob, on the live node");
        }
    }

    [Test]
    public async Task While_Redis_is_away_each_node_counts_its_own_and_after_a_restart_everyone_counts_again()
    {
        var (a, b) = (await NodeAsync(), await NodeAsync());
        await a.Presence.ConnectedAsync(Room, "alice", Guid.NewGuid());
        await b.Presence.ConnectedAsync(Room, "bob", Guid.NewGuid());

        await _redis.StopAsync();
        var aloneOnA = await a.Presence.OnlineInAsync(Room);
        await _redis.StartAsync(); // empty: it keeps nothing on disk

        Assert.That(await EventuallyAsync(async () => (await b.Presence.OnlineInAsync(Room)).SetEquals(["alice", "bob"]), TimeSpan.FromSeconds(30)),
            "both nodes write their sets again when Redis is back");
        Assert.That(aloneOnA, Is.EquivalentTo(new[] { "alice" }));
    }

    [Test]
    public async Task A_node_started_while_Redis_is_down_counts_its_people_once_it_is_up()
    {
        var a = await NodeAsync();
        await _redis.StopAsync();
        var late = await NodeAsync(waitUntilSubscribed: false);
        await late.Presence.ConnectedAsync(Room, "alice", Guid.NewGuid());

        await _redis.StartAsync();

        Assert.That(await EventuallyAsync(async () => (await a.Presence.OnlineInAsync(Room)).SetEquals(["alice"]), TimeSpan.FromSeconds(30)),
            "the node that started without Redis joins when it comes");
    }

    [Test]
    public async Task Garbage_on_the_presence_channel_is_ignored()
    {
        var (a, b) = (await NodeAsync(), await NodeAsync());
        b.Stale.TakeRooms();
        var publisher = _connections[0].GetSubscriber();
        await publisher.PublishAsync(RedisPresence.Channel, "room:not-a-number");
        await publisher.PublishAsync(RedisPresence.Channel, new byte[] { 0xff, 0x00, 0x13 });

        await a.Presence.ConnectedAsync(Room, "alice", Guid.NewGuid());

        Assert.That(await EventuallyAsync(() => b.Stale.TakeRooms().SequenceEqual([Room])), "node B still hears real changes, and only them");
    }

    private async Task<Node> NodeAsync(bool waitUntilSubscribed = true)
    {
        var options = ConfigurationOptions.Parse(_redis.ConnectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        var redis = await ConnectionMultiplexer.ConnectAsync(options);
        _connections.Add(redis);
        var (stale, node, deaths) = (new StalePresence(), new RedisNode(Guid.NewGuid()), new DeathsHeard());
        var presence = new RedisPresence(node, redis, deaths, stale, new RealtimeOptions { PresenceTtl = Ttl }, TimeProvider.System,
            NullLogger<RedisPresence>.Instance);
        await presence.StartAsync(CancellationToken.None);
        if (waitUntilSubscribed)
            Assert.That(await EventuallyAsync(async () => await SubscribersAsync() == _connections.Count, ChatSocket.Patience), "the node listens");
        return new Node(presence, stale, node.Id, deaths);
    }

    private async Task<long> SubscribersAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        var answer = (RedisResult[])(await redis.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", RedisPresence.Channel.ToString()))!;
        return (long)answer[1];
    }

    private static Task<bool> EventuallyAsync(Func<bool> condition) => EventuallyAsync(() => Task.FromResult(condition()), ChatSocket.Patience);

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50);
        }
        return true;
    }
}
