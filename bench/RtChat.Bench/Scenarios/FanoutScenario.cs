using RtChat.Bench.Clients;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Scenarios;

/// <summary>
/// <c>fanout</c>: the shootout method on the real app — signed-in clients in the public room, 4 concurrent senders posting
/// through the real Send handler; latency is post start → the fragment at a client. Then <c>limit</c> in the same run,
/// its payload padded to the app's frame size, for the ratio. With <c>--nodes N</c> (N &gt; 1) the app runs twice in
/// the run: on one node, then as a <see cref="Cluster"/> (clients and posts through nginx, which spreads them over the
/// nodes; server CPU per frame is the nodes' together), so the two CPU figures per delivered frame give the backplane's cost.
/// </summary>
public static class FanoutScenario
{
    public static async Task RunAsync(Args args, Report report, CancellationToken ct)
    {
        var method = LimitScenario.Method.From(args);
        var userCount = args.Int("users", 100, 3);
        var nodes = args.Int("nodes", 1, 1);
        report.Details["method"] = method.Describe + "; latency = post start → the fragment at a client; round trip = post → 204";
        report.Details["users"] = $"{userCount} signed-in users, sockets assigned round-robin (presence counts users, not sockets)";
        if (nodes > 1)
            report.Details["nodes"] = $"{nodes} app nodes behind nginx (deploy/nginx/rtchat.conf, round robin), Redis backplane; server CPU = the nodes' summed";
        var table = SteppedBroadcast.NewTable(report, "Steps (app, then the bare WebSocket reference)");

        BroadcastRun? oneNode = null;
        if (nodes > 1) oneNode = (await RunOnOneNodeAsync(method, userCount, table, ct)).Run;
        var (app, frameBytes) = nodes > 1
            ? await RunOnClusterAsync(method, nodes, userCount, table, report, ct)
            : await RunOnOneNodeAsync(method, userCount, table, ct);

        // The reference carries frames of the app's size: {"type":"broadcast","payload":{"sendTime":"N","padding":"…"}} ≈ 60 bytes + padding.
        var padding = Math.Max(0, frameBytes - 60);
        report.Details["app message frame bytes"] = frameBytes;
        report.Details["limit padding bytes"] = padding;
        BroadcastRun limit;
        await using (var server = await ServerProcess.StartLimitAsync(Program.WorkDir("fanout-limit"), (int)method.Budget.TotalSeconds + 300))
            limit = await LimitScenario.MeasureAsync(server.SocketAddress("/ws"), server, padding, method, table, ct);

        AddFigures(report, app, limit, method);
        if (oneNode is not null) AddBackplaneCost(report, app, oneNode, nodes);
        if (args.Smoke)
            report.Check($"every client got every message exactly once up to {method.MaxClients} clients",
                app.Reached?.Clients == method.MaxClients && app.Steps.All(s => s.Lost == 0 && s.Duplicates == 0), app.StopReason);
    }

    private static async Task<(BroadcastRun Run, int FrameBytes)> RunOnOneNodeAsync(
        LimitScenario.Method method, int userCount, StepTable table, CancellationToken ct)
    {
        await using var server = await ServerProcess.StartAppAsync(Program.WorkDir("fanout"));
        return await RunAppAsync(server.BaseAddress, [server], method, userCount, table, ct);
    }

    private static async Task<(BroadcastRun Run, int FrameBytes)> RunOnClusterAsync(
        LimitScenario.Method method, int nodes, int userCount, StepTable table, Report report, CancellationToken ct)
    {
        await using var cluster = await Cluster.StartAsync(Program.WorkDir("fanout-cluster"), nodes, new ClusterOptions(NginxWorkers: Environment.ProcessorCount));
        var run = await RunAppAsync(cluster.BaseAddress, cluster.Nodes, method, userCount, table, ct);
        // nginx logs a socket once it has closed, which RunAppAsync has asked of every one.
        var socketPath = AppUser.SocketPath(AppUser.PublicChat);
        var opened = run.Run.Steps.Select(s => s.Clients).DefaultIfEmpty(0).Max();
        for (var wait = 0; wait < 20 && cluster.NodesThatServed(socketPath).Count < opened; wait++)
            await Task.Delay(100, ct);
        var sockets = cluster.NodesThatServed(socketPath).CountBy(node => node).ToList();
        var spread = string.Join(", ", sockets.Select(pair => $"{pair.Key}: {pair.Value}"));
        report.Details["sockets per node"] = spread;
        report.Check($"the sockets went to all {nodes} nodes", sockets.Count == nodes, spread);
        return run;
    }

    private static async Task<(BroadcastRun Run, int FrameBytes)> RunAppAsync(
        Uri site, IReadOnlyList<ServerProcess> nodes, LimitScenario.Method method, int userCount, StepTable table, CancellationToken ct)
    {
        var users = await AppUser.RegisterManyAsync(site, userCount, ct);
        try
        {
            foreach (var user in users) await user.PrepareToSendAsync(AppUser.PublicChat, ct);
            await using var target = new AppTarget(site, nodes, users, AppUser.PublicChat);
            return (await method.Engine().RunAsync(target, table, ct), target.MessageFrameBytes);
        }
        finally
        {
            foreach (var user in users) user.Dispose();
        }
    }

    /// <summary>Server CPU per delivered frame on N nodes against one, at the most clients both reached (nginx's CPU is not counted).</summary>
    private static void AddBackplaneCost(Report report, BroadcastRun cluster, BroadcastRun oneNode, int nodes)
    {
        var clients = Math.Min(cluster.Reached?.Clients ?? 0, oneNode.Reached?.Clients ?? 0);
        if (cluster.At(clients)?.ServerCpuPerFrameUs is not { } many || oneNode.At(clients)?.ServerCpuPerFrameUs is not { } one) return;
        report.Add(new Figure($"server CPU per delivered frame at {clients:N0} clients, {nodes} nodes", many, "µs", one, "1 node",
            Note: $"one node reached {oneNode.Reached?.Clients ?? 0:N0} clients ({oneNode.StopReason}); nginx not counted"));
    }

    private static void AddFigures(Report report, BroadcastRun app, BroadcastRun limit, LimitScenario.Method method)
    {
        var reached = app.Reached;
        var reference = limit.Reached;
        var clients = reached?.Clients ?? 0;
        var ratio = reference is null || reference.Clients == 0 ? 0 : (double)clients / reference.Clients;
        report.Add(new Figure("clients in one room at p95 < 500 ms", clients, "clients", reference?.Clients, "limit",
            "≥ 5,000 and ≥ 0.7× limit", clients >= 5000 && ratio >= 0.7, $"app: {app.StopReason}; limit: {limit.StopReason}"));
        if (reached is null) return;
        var same = limit.At(reached.Clients);
        var at = $" at {reached.Clients:N0} clients";
        report.Add(new Figure("delivery p50" + at, reached.Delivery.P50, "ms", same?.Delivery.P50, "limit"));
        report.Add(new Figure("delivery p95" + at, reached.Delivery.P95, "ms", same?.Delivery.P95, "limit", $"≤ {method.Limit.TotalMilliseconds:0} ms"));
        report.Add(new Figure("delivery p99" + at, reached.Delivery.P99, "ms", same?.Delivery.P99, "limit"));
        report.Add(new Figure("last client's time p50" + at, reached.LastClient.P50, "ms", same?.LastClient.P50, "limit"));
        report.Add(new Figure("last client's time max" + at, reached.LastClient.Max, "ms", same?.LastClient.Max, "limit"));
        report.Add(new Figure("post → 204 p95" + at, reached.Rtt.P95, "ms", same?.Rtt.P95, "limit broadcastResult"));
    }
}
