using System.Runtime.InteropServices;
using RtChat.Web.Tests.Support;

namespace RtChat.Bench.Infrastructure;

/// <summary>
/// Several app nodes as in production, on loopback: one Redis as their backplane (nothing on disk), one SQLite file
/// and one set of media folders, and nginx in front running deploy/nginx/rtchat.conf. A node can be killed hard and
/// started again on its port, and Redis stopped and started again on its port. Everything stops when disposed or
/// when the bench exits.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    private readonly string _workDir;
    private readonly int[] _ports;
    private readonly ServerProcess?[] _nodes;
    private readonly NginxServer _nginx;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly bool _raiseLimits;
    private readonly PosixSignalRegistration _terminated;

    private Cluster(string workDir, int[] ports, RedisServer redis, ClusterOptions options)
    {
        _workDir = workDir;
        _ports = ports;
        _nodes = new ServerProcess?[ports.Length];
        _raiseLimits = options.RaiseLimits;
        Redis = redis;
        _nginx = new NginxServer(ports.Select(port => new Uri($"http://127.0.0.1:{port}")), options.NginxWorkers, options.Port);
        var shared = Path.Combine(workDir, "shared");
        _settings = new Dictionary<string, string>
        {
            ["Realtime:Backplane"] = "Redis",
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(shared, "rtchat.db")}",
            ["Media:Root"] = Path.Combine(shared, "media"),
            ["Media:FilesRoot"] = Path.Combine(shared, "files"),
            ["Email:PickupDirectory"] = Path.Combine(shared, "mail"),
            // Mail links and a browser's socket Origin name the site, which is nginx.
            ["App:PublicOrigin"] = _nginx.BaseAddress.GetLeftPart(UriPartial.Authority),
        }.Concat(options.Settings ?? new Dictionary<string, string>()).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
        // SIGTERM ends the bench without unwinding its scenario: stop what would outlive it, then let it end.
        _terminated = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => StopOnExit(null, EventArgs.Empty));
    }

    /// <summary>nginx: where clients reach the site.</summary>
    public Uri BaseAddress => _nginx.BaseAddress;

    public RedisServer Redis { get; }

    /// <summary>The nodes in nginx's upstream order; a killed node's entry is its dead process until it starts again.</summary>
    public IReadOnlyList<ServerProcess> Nodes => _nodes.Select(n => n!).ToList();

    /// <summary>The nodes (host:port) nginx sent each finished request for <paramref name="pathAndQuery"/> to, in order.</summary>
    public IReadOnlyList<string> NodesThatServed(string pathAndQuery) => _nginx.NodesThatServed(pathAndQuery);

    /// <summary>Starts Redis, then <paramref name="nodes"/> nodes one after another (the first migrates the database), then nginx.</summary>
    public static async Task<Cluster> StartAsync(string workDir, int nodes, ClusterOptions? options = null)
    {
        var redis = new RedisServer();
        await redis.StartAsync();
        Cluster cluster;
        try
        {
            cluster = new Cluster(workDir, Enumerable.Range(0, nodes).Select(_ => Loopback.FreePort()).ToArray(), redis, options ?? new ClusterOptions());
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
        try
        {
            for (var i = 0; i < nodes; i++) await cluster.StartNodeAsync(i);
            await cluster._nginx.StartAsync();
            Log.Line($"Cluster of {nodes} nodes behind nginx on {cluster.BaseAddress}, Redis on {redis.ConnectionString}");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts node <paramref name="index"/> (again) on its port, and waits until it answers.</summary>
    public async Task StartNodeAsync(int index)
    {
        if (_nodes[index] is { HasExited: false }) throw new InvalidOperationException($"Node {index + 1} is running.");
        if (_nodes[index] is { } dead) await dead.DisposeAsync();
        var name = $"node-{index + 1}";
        _nodes[index] = await ServerProcess.StartAppAsync(Path.Combine(_workDir, name), _settings, _ports[index], name, _raiseLimits);
    }

    /// <summary>Kills node <paramref name="index"/> with SIGKILL: its sockets are cut, nginx skips it from then on.</summary>
    public Task KillNodeAsync(int index) => _nodes[index]?.KillHardAsync() ?? Task.CompletedTask;

    public Task StopRedisAsync() => Redis.StopAsync();

    /// <summary>Redis again on the same port, empty (it keeps nothing on disk).</summary>
    public Task StartRedisAsync() => Redis.StartAsync();

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        _terminated.Dispose();
        await _nginx.DisposeAsync();
        foreach (var node in Enumerable.Reverse(_nodes))
            if (node is not null) await node.DisposeAsync();
        await Redis.DisposeAsync();
    }

    private void StopOnExit(object? sender, EventArgs e)
    {
        _nginx.Stop();
        foreach (var node in _nodes) node?.KillHardAsync().GetAwaiter().GetResult();
        Redis.StopAsync().GetAwaiter().GetResult();
    }
}

/// <param name="Settings">Configuration every node gets on top of the cluster's own.</param>
/// <param name="NginxWorkers">nginx's worker processes.</param>
/// <param name="Port">nginx's port; a free one if null.</param>
/// <param name="RaiseLimits">The bench's raised rate and socket limits (<see cref="ServerProcess.StartAppAsync"/>), or the app's own.</param>
public sealed record ClusterOptions(
    IReadOnlyDictionary<string, string>? Settings = null, int NginxWorkers = 1, int? Port = null, bool RaiseLimits = true);
