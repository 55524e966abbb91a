using System.Diagnostics;
using RtChat.Bench.Clients;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Scenarios;

/// <summary>
/// What goes wrong during a chaos run: every <see cref="KillEvery"/> a share of the pages lose their socket, and the
/// <see cref="Restarts"/> ("node" or "redis") happen one after another, evenly spread over the run. A node is killed
/// hard (SIGKILL) and started again on its port after <see cref="NodeDown"/>; the nodes take turns. Redis is stopped and
/// started again, empty, after <see cref="RedisDown"/>.
/// </summary>
public sealed record ChaosFaults(TimeSpan KillEvery, double KillShare, IReadOnlyList<string> Restarts, TimeSpan NodeDown, TimeSpan RedisDown)
{
    public string Describe =>
        $"every {KillEvery.TotalSeconds:0.#} s {KillShare:P0} of the sockets cut; {string.Join(", then ", Restarts.Select(r => r == "redis"
            ? $"Redis stopped for {RedisDown.TotalSeconds:0.#} s"
            : $"a node killed (SIGKILL) and started again {NodeDown.TotalSeconds:0.#} s later"))}, spread evenly over the run";

    public static ChaosFaults From(Args args)
    {
        var restarts = args.Text("faults", args.Smoke ? "node,redis" : "node,node,redis")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant()).ToList();
        if (restarts.Any(r => r is not ("node" or "redis"))) throw new ArgumentException("--faults lists node and redis, e.g. node,node,redis.");
        return new ChaosFaults(TimeSpan.FromSeconds(args.Double("kill-every", 3, 3)), args.Double("kill-share", 0.1, 0.2), restarts,
            TimeSpan.FromSeconds(args.Double("node-down", 5, 3)), TimeSpan.FromSeconds(args.Double("redis-down", 5, 5)));
    }

    /// <summary>Runs the faults for <paramref name="duration"/>; returns what happened, each with its time into the run.</summary>
    public async Task<FaultLog> RunAsync(Cluster cluster, IReadOnlyList<ChaosPage> pages, TimeSpan duration, CancellationToken ct)
    {
        var log = new FaultLog(Stopwatch.StartNew());
        var kills = KillSocketsAsync(pages, duration, log, ct);
        var nextNode = 0;
        for (var i = 0; i < Restarts.Count; i++)
        {
            var due = duration * (i + 1) / (Restarts.Count + 1);
            if (due > log.Clock.Elapsed) await Task.Delay(due - log.Clock.Elapsed, ct);
            if (Restarts[i] == "redis")
            {
                log.Add("Redis stopped");
                await cluster.StopRedisAsync();
                await Task.Delay(RedisDown, ct);
                await cluster.StartRedisAsync();
                log.Add("Redis started again (empty)");
                log.RedisRestarts++;
                log.LastRestartEnded = log.Clock.Elapsed;
            }
            else
            {
                var node = nextNode++ % cluster.Nodes.Count;
                await cluster.KillNodeAsync(node);
                log.Add($"node-{node + 1} killed");
                await Task.Delay(NodeDown, ct);
                await cluster.StartNodeAsync(node);
                log.Add($"node-{node + 1} started again and ready");
                log.NodeRestarts++;
                log.LastRestartEnded = log.Clock.Elapsed;
            }
        }
        await kills;
        return log;
    }

    private async Task KillSocketsAsync(IReadOnlyList<ChaosPage> pages, TimeSpan duration, FaultLog log, CancellationToken ct)
    {
        var count = Math.Max(1, (int)Math.Round(pages.Count * KillShare));
        while (log.Clock.Elapsed + KillEvery < duration)
        {
            await Task.Delay(KillEvery, ct);
            var cut = pages.OrderBy(_ => Random.Shared.Next()).Take(count).Count(page => page.KillSocket());
            Interlocked.Add(ref log.SocketKills, cut);
        }
    }
}

public sealed class FaultLog(Stopwatch clock)
{
    private readonly long _started = Stats.Now - clock.ElapsedTicks;

    public Stopwatch Clock { get; } = clock;
    public List<string> Events { get; } = [];
    public int SocketKills;
    public int NodeRestarts { get; set; }
    public int RedisRestarts { get; set; }
    public TimeSpan LastRestartEnded { get; set; }

    /// <summary>A <see cref="Stats.Now"/> timestamp as seconds since the faults began, as the events are timed.</summary>
    public double SecondsIntoRun(long timestamp) => Stats.Ms(timestamp - _started) / 1000;

    public void Add(string what)
    {
        var line = $"{Clock.Elapsed.TotalSeconds:0.0} s: {what}";
        lock (Events) Events.Add(line);
        Log.Line("Chaos: " + what);
    }
}
