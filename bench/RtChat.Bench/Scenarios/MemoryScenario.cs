using System.Text;
using RtChat.Bench.Clients;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Scenarios;

/// <summary>
/// <c>memory</c>: N idle signed-in sockets on the app — the server's working set and managed heap (after an induced full
/// GC) before and after, per socket; then the same number of idle sockets on the bare WebSocket reference.
/// </summary>
public static class MemoryScenario
{
    private sealed record Measure(long Rss, long Heap);

    private sealed record PerSocket(double RssKb, double HeapKb, Measure Before, Measure After);

    public static async Task RunAsync(Args args, Report report, CancellationToken ct)
    {
        var count = args.Int("sockets", 5000, 40);
        var userCount = args.Int("users", 100, 3);
        var settle = TimeSpan.FromSeconds(args.Double("settle-seconds", 5, 1));
        Histogram = args.Flag("histogram");
        if (Histogram) HistogramTable = report.Table("Live objects added per socket (after − before, top 40 by bytes)", "server", "type", "objects per socket", "KB per socket");
        report.Details["method"] = $"{count:N0} idle sockets ({userCount} signed-in users, round-robin), each resumed like a page; " +
                                   "after each phase the server is made to run a full blocking GC (diagnostics IPC, as dotnet-gcdump does), then " +
                                   "its managed heap (GCHeapStats) and VmRSS are read; per socket = (after − before) / sockets";

        PerSocket app;
        await using (var server = await ServerProcess.StartAppAsync(Program.WorkDir("memory")))
        {
            var users = await AppUser.RegisterManyAsync(server.BaseAddress, userCount, ct);
            try
            {
                var uri = server.SocketAddress(AppUser.SocketPath(AppUser.PublicChat));
                var resume = Encoding.UTF8.GetBytes("""{"after":0}""");
                app = await MeasureAsync(server, count, settle, async (i, token) =>
                {
                    var user = users[i % users.Length];
                    var socket = await BenchSocket.ConnectAsync(uri, i, (_, _) => { }, user.CookieHeader, user.Origin, token);
                    await socket.SendTextAsync(resume, token);
                    return socket;
                }, ct);
            }
            finally
            {
                foreach (var user in users) user.Dispose();
            }
        }

        PerSocket limit;
        await using (var server = await ServerProcess.StartLimitAsync(Program.WorkDir("memory-limit"), 1800))
        {
            var uri = server.SocketAddress("/ws");
            limit = await MeasureAsync(server, count, settle,
                (i, token) => BenchSocket.ConnectAsync(uri, i, (_, _) => { }, null, null, token), ct);
        }

        report.Add(new Figure("managed heap per idle signed-in socket", app.HeapKb, "KB", limit.HeapKb, "limit", "≤ 32 KB (with the working set)", app.HeapKb <= 32));
        report.Add(new Figure("working set per idle signed-in socket", app.RssKb, "KB", limit.RssKb, "limit", "≤ 32 KB", app.RssKb <= 32));
        report.Add(new Figure("app managed heap, idle → with sockets", Mb(app.After.Heap), "MB", Mb(app.Before.Heap), "before"));
        report.Add(new Figure("app working set, idle → with sockets", Mb(app.After.Rss), "MB", Mb(app.Before.Rss), "before"));
        report.Details["sockets"] = count;
        report.Details["app"] = app;
        report.Details["limit"] = limit;
        report.Check($"{count} sockets connected and stayed open on both servers", true);
    }

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    /// <summary>With <c>--histogram</c>: the live types that grew most per socket (what a socket keeps alive).</summary>
    public static bool Histogram;
    public static StepTable? HistogramTable;

    private static async Task<PerSocket> MeasureAsync(ServerProcess server, int count, TimeSpan settle,
        Func<int, CancellationToken, Task<BenchSocket>> connect, CancellationToken ct)
    {
        // Warm up: the code paths of a socket's life run once (JIT, pools), so the baseline is a steady server.
        var warm = await ConnectAsync(Math.Min(100, count), connect, offset: count, ct);
        await Task.Delay(settle, ct);
        await Task.WhenAll(warm.Select(s => s.CloseAsync(TimeSpan.FromSeconds(5))));
        await Task.Delay(settle, ct);
        var before = await MeasureAsync(server);
        Log.Line($"{server.Name} before: heap {Mb(before.Heap):0.0} MB, RSS {Mb(before.Rss):0.0} MB");
        var typesBefore = Histogram ? await HeapProbe.HistogramAsync(server.Pid, TimeSpan.FromSeconds(120)) : null;

        var sockets = await ConnectAsync(count, connect, offset: 0, ct);
        try
        {
            await Task.Delay(settle, ct); // presence and resume settle; the sockets are idle from here on
            var ended = sockets.Count(s => s.Ended);
            if (ended > 0) throw new InvalidOperationException($"{ended} of {count} sockets ended while idle on {server.Name}.");
            var after = await MeasureAsync(server);
            Log.Line($"{server.Name} with {count} sockets: heap {Mb(after.Heap):0.0} MB, RSS {Mb(after.Rss):0.0} MB");
            if (typesBefore is not null && HistogramTable is not null)
            {
                var typesAfter = await HeapProbe.HistogramAsync(server.Pid, TimeSpan.FromSeconds(120));
                var grown = typesAfter
                    .Select(t => (Type: t.Key, Count: t.Value.Count - typesBefore.GetValueOrDefault(t.Key).Count, Bytes: t.Value.Bytes - typesBefore.GetValueOrDefault(t.Key).Bytes))
                    .OrderByDescending(t => t.Bytes).Take(40);
                foreach (var (type, grownCount, bytes) in grown)
                    HistogramTable.Add(server.Name, type.Length > 110 ? type[..110] + "…" : type, (double)grownCount / count, bytes / 1024.0 / count);
            }
            return new PerSocket((after.Rss - before.Rss) / 1024.0 / count, (after.Heap - before.Heap) / 1024.0 / count, before, after);
        }
        finally
        {
            foreach (var socket in sockets) socket.Abort();
        }
    }

    private static async Task<List<BenchSocket>> ConnectAsync(int count, Func<int, CancellationToken, Task<BenchSocket>> connect, int offset, CancellationToken ct)
    {
        var sockets = new BenchSocket[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (i, token) => sockets[i] = await connect(offset + i, token));
        return [.. sockets];
    }

    private static async Task<Measure> MeasureAsync(ServerProcess server)
    {
        var heap = await HeapProbe.FullGcAsync(server.Pid, TimeSpan.FromSeconds(60));
        await Task.Delay(500);
        return new Measure(server.Memory().Rss, heap.TotalBytes);
    }
}
