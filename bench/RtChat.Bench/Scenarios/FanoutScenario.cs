using RtChat.Bench.Clients;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Scenarios;

/// <summary>
/// <c>fanout</c>: the shootout method on the real app — signed-in clients in the public room, 4 concurrent senders posting
/// through the real Send handler; latency is post start → the fragment at a client. Then <c>limit</c> in the same run,
/// its payload padded to the app's frame size, for the ratio.
/// </summary>
public static class FanoutScenario
{
    public static async Task RunAsync(Args args, Report report, CancellationToken ct)
    {
        var method = LimitScenario.Method.From(args);
        var userCount = args.Int("users", 100, 3);
        report.Details["method"] = method.Describe + "; latency = post start → the fragment at a client; round trip = post → 204";
        report.Details["users"] = $"{userCount} signed-in users, sockets assigned round-robin (presence counts users, not sockets)";
        var table = SteppedBroadcast.NewTable(report, "Steps (app, then the bare WebSocket reference)");

        BroadcastRun app;
        int frameBytes;
        await using (var server = await ServerProcess.StartAppAsync(Program.WorkDir("fanout")))
        {
            var users = await AppUser.RegisterManyAsync(server.BaseAddress, userCount, ct);
            try
            {
                foreach (var user in users) await user.PrepareToSendAsync(AppUser.PublicChat, ct);
                await using var target = new AppTarget(server, users, AppUser.PublicChat);
                app = await method.Engine().RunAsync(target, table, ct);
                frameBytes = target.MessageFrameBytes;
            }
            finally
            {
                foreach (var user in users) user.Dispose();
            }
        }

        // The reference carries frames of the app's size: {"type":"broadcast","payload":{"sendTime":"N","padding":"…"}} ≈ 60 bytes + padding.
        var padding = Math.Max(0, frameBytes - 60);
        report.Details["app message frame bytes"] = frameBytes;
        report.Details["limit padding bytes"] = padding;
        BroadcastRun limit;
        await using (var server = await ServerProcess.StartLimitAsync(Program.WorkDir("fanout-limit"), (int)method.Budget.TotalSeconds + 300))
            limit = await LimitScenario.MeasureAsync(server.SocketAddress("/ws"), server, padding, method, table, ct);

        AddFigures(report, app, limit, method);
        if (args.Smoke)
            report.Check($"every client got every message exactly once up to {method.MaxClients} clients",
                app.Reached?.Clients == method.MaxClients && app.Steps.All(s => s.Lost == 0 && s.Duplicates == 0), app.StopReason);
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
