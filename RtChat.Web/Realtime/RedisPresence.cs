using StackExchange.Redis;

namespace RtChat.Web.Realtime;

/// <summary>
/// Presence shared by every node through Redis. Each node keeps there, per room and for the site, the set of users it has
/// a socket for, and a key saying it is alive that expires unless its heartbeat renews it. Counts are the union of the
/// live nodes' sets, so every node shows the same, and a dead node's users stop counting once its key expires (within the
/// TTL). A node says on a channel where it changed something, so the others update their sockets. While Redis is away a
/// node counts its own sockets only.
/// </summary>
internal sealed class RedisPresence(
    RedisNode self, IConnectionMultiplexer redis, INodeDeaths deaths, StalePresence changes, RealtimeOptions options,
    TimeProvider clock, ILogger<RedisPresence> logger)
    : IPresence, IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("rtchat:presence");
    private const string Everything = "*";

    private readonly InMemoryPresence _local = new(clock, options);
    private readonly PresenceKeys _keys = new(self.Id);

    // This node's connections and how many each (place, user) has: Redis hears only of a first arrival and a last leave.
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, (int? RoomId, string UserId)> _connections = new();
    private readonly Dictionary<(string Place, string UserId), int> _counts = new();

    private IDatabase Db => redis.GetDatabase();

    public async Task ConnectedAsync(int? roomId, string userId, Guid connection)
    {
        await _local.ConnectedAsync(roomId, userId, connection);
        var written = new List<Task>();
        lock (_gate)
        {
            if (!_connections.TryAdd(connection, (roomId, userId))) return;
            foreach (var place in PresenceKeys.PlacesOf(roomId))
                if (Count(place, userId, +1) == 1)
                    Send(written, batch =>
                    [
                        batch.SetAddAsync(_keys.UsersIn(place), userId),
                        batch.SetAddAsync(_keys.Places, place),
                        batch.PublishAsync(Channel, place),
                    ]);
        }
        await TryAsync(() => Task.WhenAll(written));
    }

    public async Task DisconnectedAsync(Guid connection)
    {
        await _local.DisconnectedAsync(connection);
        var written = new List<Task>();
        lock (_gate)
        {
            if (!_connections.Remove(connection, out var gone)) return;
            foreach (var place in PresenceKeys.PlacesOf(gone.RoomId))
                if (Count(place, gone.UserId, -1) == 0)
                    Send(written, batch =>
                    [
                        batch.SetRemoveAsync(_keys.UsersIn(place), gone.UserId),
                        batch.PublishAsync(Channel, place),
                    ]);
        }
        await TryAsync(() => Task.WhenAll(written));
    }

    /// <summary>The heartbeat: this node is alive for another TTL, and its sets are written again whole (Redis may have restarted empty).</summary>
    public async Task RefreshAsync(IEnumerable<Guid> connections)
    {
        await _local.RefreshAsync(connections);
        await TryAsync(HeartbeatAsync);
    }

    public async Task<IReadOnlySet<string>> OnlineInAsync(int roomId)
    {
        try
        {
            return await _keys.UnionAsync(Db, PresenceKeys.Room(roomId));
        }
        catch (Exception e) when (Unavailable(e))
        {
            return await _local.OnlineInAsync(roomId);
        }
    }

    public async Task<int> OnlineTotalAsync()
    {
        try
        {
            return await _keys.CountAsync(Db, PresenceKeys.Site);
        }
        catch (Exception e) when (Unavailable(e))
        {
            return await _local.OnlineTotalAsync();
        }
    }

    /// <summary>Removes the sets of nodes that stopped beating (whichever node gets there first) and says where they were.</summary>
    public async Task<IReadOnlyCollection<int>> ExpireAsync()
    {
        DeadNodes dead;
        try
        {
            dead = await _keys.PruneDeadNodesAsync(Db);
            if (dead.Places.Count > 0) await Db.PublishAsync(Channel, Everything);
        }
        catch (Exception e) when (Unavailable(e))
        {
            return [];
        }
        foreach (var node in dead.Nodes) deaths.Died(node);
        return dead.Places.Select(PresenceKeys.RoomOf).OfType<int>().ToHashSet();
    }

    private readonly CancellationTokenSource _stopping = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionFailed += (_, _) => changes.MarkEverything();
        redis.ConnectionRestored += (_, _) => _ = RejoinAsync();
        _ = RedisSubscription.SubscribeWhenReachableAsync(redis, Channel, Heard, logger, _stopping.Token);
        await TryAsync(HeartbeatAsync);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await redis.GetSubscriber().UnsubscribeAsync(Channel, null, CommandFlags.FireAndForget);
    }

    private int Count(string place, string userId, int by)
    {
        var count = _counts.GetValueOrDefault((place, userId)) + by;
        if (count > 0) _counts[(place, userId)] = count;
        else _counts.Remove((place, userId));
        return count;
    }

    /// <summary>Called under the lock, so commands go out in the order the changes happened; awaited after it.</summary>
    private void Send(List<Task> written, Func<IBatch, Task[]> write)
    {
        if (!redis.IsConnected) return; // the rejoin when Redis is back writes this node's sets whole
        var batch = Db.CreateBatch();
        written.AddRange(write(batch));
        batch.Execute();
    }

    private Task HeartbeatAsync()
    {
        lock (_gate)
            return _keys.WriteWholeAsync(Db, options.PresenceTtl, _counts.Keys.GroupBy(k => k.Place, k => k.UserId));
    }

    private async Task RejoinAsync()
    {
        changes.MarkEverything();
        await TryAsync(HeartbeatAsync);
        await TryAsync(async () => await Db.PublishAsync(Channel, Everything));
    }

    private void Heard(RedisValue message)
    {
        var place = (string?)message;
        if (place == Everything) changes.MarkEverything();
        else if (place == PresenceKeys.Site) changes.MarkSite();
        else if (place is not null && PresenceKeys.RoomOf(place) is { } roomId) changes.Mark(roomId);
        else logger.LogWarning("Ignored a message on the presence channel that is not one of ours ({Length} chars).", place?.Length ?? 0);
    }

    private static async Task TryAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (Unavailable(e))
        {
            // The next heartbeat, or the rejoin when Redis is back, writes this node's sets again.
        }
    }

    private static bool Unavailable(Exception e) => e is RedisException or TimeoutException;
}
