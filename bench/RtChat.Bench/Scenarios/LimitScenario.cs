using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Scenarios;

/// <summary>
/// <c>limit</c>: the bare WebSocket broadcast limit on this machine — the bench's own shootout-protocol server, or any
/// server speaking that protocol (<c>--url ws://127.0.0.1:PORT/ws</c>).
/// </summary>
public static class LimitScenario
{
    public sealed record Method(int Step, int MaxClients, int Samples, int Concurrency, TimeSpan Limit, TimeSpan Budget, TimeSpan Settle)
    {
        public static Method From(Args args) => new(
            args.Int("step", 500, 5), args.Int("max-clients", 18_000, 15), args.Int("samples", 40, 10), args.Int("concurrency", 4, 4),
            TimeSpan.FromMilliseconds(args.Int("limit-ms", 500, 500)), TimeSpan.FromMinutes(args.Double("max-minutes", 12, 1)),
            TimeSpan.FromMilliseconds(args.Int("settle-ms", 1500, 300)));

        public SteppedBroadcast Engine() => new(Step, MaxClients, Samples, Concurrency, Limit, Budget, Settle);

        public string Describe => $"{Concurrency} concurrent broadcasters, {Samples} broadcasts per step, +{Step:N0} clients a step up to {MaxClients:N0}, " +
                                  $"stop when p95 > {Limit.TotalMilliseconds:0} ms";
    }

    public static async Task RunAsync(Args args, Report report, CancellationToken ct)
    {
        var method = Method.From(args);
        var padding = args.Int("padding", 0, 0);
        var url = args.Text("url");
        report.Details["method"] = method.Describe;
        report.Details["padding"] = padding;
        var table = SteppedBroadcast.NewTable(report, "Steps");
        BroadcastRun run;
        if (url is null)
        {
            await using var server = await ServerProcess.StartLimitAsync(Program.WorkDir("limit"), (int)method.Budget.TotalSeconds + 300);
            run = await MeasureAsync(server.SocketAddress("/ws"), server, padding, method, table, ct);
        }
        else
        {
            report.Details["url"] = url;
            run = await MeasureAsync(new Uri(url), server: null, padding, method, table, ct);
        }
        AddFigures(report, run, method);
        if (args.Smoke)
            report.Check($"every client got every broadcast up to {method.MaxClients} clients", run.Reached?.Clients == method.MaxClients, run.StopReason);
    }

    public static async Task<BroadcastRun> MeasureAsync(Uri uri, ServerProcess? server, int padding, Method method, StepTable table, CancellationToken ct)
    {
        await using var target = new ShootoutTarget(uri, padding, server);
        return await method.Engine().RunAsync(target, table, ct);
    }

    private static void AddFigures(Report report, BroadcastRun run, Method method)
    {
        var reached = run.Reached;
        report.Add(new Figure("clients reached (p95 < limit)", reached?.Clients ?? 0, "clients",
            Note: run.StopReason));
        if (reached is null) return;
        report.Add(new Figure($"broadcast round trip p50 at {reached.Clients:N0} clients", reached.Rtt.P50, "ms"));
        report.Add(new Figure($"broadcast round trip p95 at {reached.Clients:N0} clients", reached.Rtt.P95, "ms",
            Target: $"≤ {method.Limit.TotalMilliseconds:0} ms (the stop rule)"));
        report.Add(new Figure($"broadcast round trip p99 at {reached.Clients:N0} clients", reached.Rtt.P99, "ms"));
        report.Add(new Figure($"delivery p50 at {reached.Clients:N0} clients", reached.Delivery.P50, "ms"));
        report.Add(new Figure($"delivery p95 at {reached.Clients:N0} clients", reached.Delivery.P95, "ms"));
        report.Add(new Figure($"delivery p99 at {reached.Clients:N0} clients", reached.Delivery.P99, "ms"));
        report.Add(new Figure($"last client's time p50 at {reached.Clients:N0} clients", reached.LastClient.P50, "ms"));
    }
}
