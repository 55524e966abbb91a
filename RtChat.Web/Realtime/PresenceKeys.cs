using System.Globalization;
using StackExchange.Redis;

namespace RtChat.Web.Realtime;

/// <summary>
/// Where presence lives in Redis and the scripts that read and write it. A place is the site or a room. Per node:
/// <c>rtchat:presence:alive:{node}</c> (expires unless renewed), <c>rtchat:presence:{node}:{place}</c> (its users there)
/// and <c>rtchat:presence:{node}:places</c>; all nodes are listed in <c>rtchat:presence:nodes</c>. Scripts run whole, so a
/// reader never sees a node's sets half written; they name keys they compute, so they need one Redis, not a cluster.
/// </summary>
internal sealed class PresenceKeys(Guid nodeId)
{

    public const string Site = "site";
    private const string Prefix = "rtchat:presence:";
    private const string AlivePrefix = Prefix + "alive:";
    private static readonly RedisKey Nodes = Prefix + "nodes";

    private readonly string _node = nodeId.ToString("N");

    public RedisKey Places => $"{Prefix}{_node}:places";
    private RedisKey Alive => AlivePrefix + _node;

    public RedisKey UsersIn(string place) => $"{Prefix}{_node}:{place}";

    public static string Room(int roomId) => "room:" + roomId.ToString(CultureInfo.InvariantCulture);

    public static int? RoomOf(string place) =>
        place.StartsWith("room:", StringComparison.Ordinal)
        && int.TryParse(place.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>A socket on a room's page counts in the room and on the site; one on another page, on the site only.</summary>
    public static IEnumerable<string> PlacesOf(int? roomId) => roomId is { } id ? [Site, Room(id)] : [Site];

    public async Task<IReadOnlySet<string>> UnionAsync(IDatabase db, string place)
    {
        var users = (RedisValue[]?)await db.ScriptEvaluateAsync(ReadScript, [Nodes], [AlivePrefix, Prefix, place, "members"]);
        return (users ?? []).Select(user => user.ToString()).ToHashSet();
    }

    public async Task<int> CountAsync(IDatabase db, string place) =>
        (int)await db.ScriptEvaluateAsync(ReadScript, [Nodes], [AlivePrefix, Prefix, place, "count"]);

    public async Task<DeadNodes> PruneDeadNodesAsync(IDatabase db)
    {
        var answer = (RedisResult[])(await db.ScriptEvaluateAsync(PruneScript, [Nodes], [AlivePrefix, Prefix]))!;
        var (nodes, places) = ((RedisValue[])answer[0]!, (RedisValue[])answer[1]!);
        return new DeadNodes(
            nodes.Select(n => Guid.TryParseExact(n.ToString(), "N", out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList(),
            places.Select(place => place.ToString()).Distinct().ToList());
    }

    /// <summary>Renews this node's key and replaces its sets with <paramref name="usersByPlace"/>.</summary>
    public Task WriteWholeAsync(IDatabase db, TimeSpan ttl, IEnumerable<IGrouping<string, string>> usersByPlace)
    {
        var args = new List<RedisValue> { _node, (long)ttl.TotalMilliseconds, $"{Prefix}{_node}:" };
        foreach (var place in usersByPlace)
        {
            var users = place.ToList();
            args.Add(place.Key);
            args.Add(users.Count);
            args.AddRange(users.Select(user => (RedisValue)user));
        }
        return db.ScriptEvaluateAsync(WriteScript, [Nodes, Alive, Places], [.. args]);
    }

    private const string ReadScript = """
        local keys = {}
        for _, n in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          if redis.call('EXISTS', ARGV[1] .. n) == 1 then keys[#keys + 1] = ARGV[2] .. n .. ':' .. ARGV[3] end
        end
        local counting = ARGV[4] == 'count'
        if #keys == 0 then
          if counting then return 0 end
          return {}
        end
        if counting and #keys == 1 then return redis.call('SCARD', keys[1]) end
        local union = redis.call('SUNION', unpack(keys))
        if counting then return #union end
        return union
        """;

    private const string PruneScript = """
        local dead, gone = {}, {}
        for _, n in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          if redis.call('EXISTS', ARGV[1] .. n) == 0 then
            dead[#dead + 1] = n
            local places = ARGV[2] .. n .. ':places'
            for _, p in ipairs(redis.call('SMEMBERS', places)) do
              gone[#gone + 1] = p
              redis.call('DEL', ARGV[2] .. n .. ':' .. p)
            end
            redis.call('DEL', places)
            redis.call('SREM', KEYS[1], n)
          end
        end
        return {dead, gone}
        """;

    private const string WriteScript = """
        redis.call('SET', KEYS[2], 1, 'PX', ARGV[2])
        redis.call('SADD', KEYS[1], ARGV[1])
        for _, p in ipairs(redis.call('SMEMBERS', KEYS[3])) do redis.call('DEL', ARGV[3] .. p) end
        redis.call('DEL', KEYS[3])
        local i = 4
        while i <= #ARGV do
          local place, count = ARGV[i], tonumber(ARGV[i + 1])
          redis.call('SADD', KEYS[3], place)
          for j = i + 2, i + 1 + count do redis.call('SADD', ARGV[3] .. place, ARGV[j]) end
          i = i + 2 + count
        end
        """;
}

/// <summary>Nodes whose key expired, and the places their users were counted in.</summary>
internal sealed record DeadNodes(IReadOnlyList<Guid> Nodes, IReadOnlyList<string> Places);
