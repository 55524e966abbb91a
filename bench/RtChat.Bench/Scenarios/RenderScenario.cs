using System.Diagnostics;
using System.Net;
using System.Text;
using RtChat.Bench.Clients;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Scenarios;

/// <summary>
/// <c>render</c>: GET of a room page showing 30 messages, closed-loop over N keep-alive connections of signed-in users,
/// beside a trivial endpoint of the same app (<c>/healthz</c>: routed, through the same middleware) and a static file.
/// </summary>
public static class RenderScenario
{
    private sealed record Load(string Path, int Connections, double Rps, Percentiles Latency, long Requests, long Errors, long WrongPages, double ServerCpuUs)
    {
        public double ServerCpuPerRequest => Requests > 0 ? ServerCpuUs / Requests : 0;
    }

    public static async Task RunAsync(Args args, Report report, CancellationToken ct)
    {
        var connections = args.Int("connections", 32, 2);
        var seconds = args.Double("seconds", 10, 1);
        var warmup = args.Double("warmup-seconds", 3, 0.3);
        var userCount = Math.Min(connections, args.Int("users", 32, 2));
        report.Details["method"] = $"closed loop: each of {connections} keep-alive connections (signed-in users, round-robin) GETs again as soon as " +
                                   $"the last response is read; {warmup:0.#} s warm-up, then {seconds:0.#} s measured; every page is checked for its 30 messages";

        await using var server = await ServerProcess.StartAppAsync(Program.WorkDir("render"));
        var users = await AppUser.RegisterManyAsync(server.BaseAddress, userCount, ct);
        try
        {
            var author = users[0];
            await author.PrepareToSendAsync(AppUser.PublicChat, ct);
            for (var i = 0; i < 30; i++)
            {
                var status = await author.SendAsync(AppUser.PublicChat, $"Message {i + 1} of the page: a sentence of ordinary length for the bench, with a link https://example.test/{i}.", ct);
                if (status != HttpStatusCode.NoContent) throw new InvalidOperationException($"Posting message {i + 1} answered {(int)status}.");
            }
            var page = await author.GetStringAsync("/", ct);
            var shown = Articles(page);
            report.Check("the room page shows 30 messages", shown == 30, $"{shown} shown, {page.Length:N0} characters");
            report.Details["page characters"] = page.Length;

            var single = await LoadAsync(server, users, "/", 1, warmup, seconds, ct);
            var room = await LoadAsync(server, users, "/", connections, warmup, seconds, ct);
            var trivial = await LoadAsync(server, users, "/healthz", connections, warmup, seconds, ct);
            var file = await LoadAsync(server, users, "/images/avatar.svg", connections, warmup, seconds, ct);
            var table = report.Table("Loads", "path", "connections", "requests", "errors", "wrong pages", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "server CPU µs/req");
            foreach (var load in new[] { single, room, trivial, file })
                table.Add(load.Path, load.Connections, load.Requests, load.Errors, load.WrongPages, load.Rps, load.Latency.P50, load.Latency.P95,
                    load.Latency.P99, load.Latency.Max, load.ServerCpuPerRequest);

            report.Add(new Figure($"room page p50 at {connections} connections", room.Latency.P50, "ms", trivial.Latency.P50, "/healthz", "≤ 5 ms", room.Latency.P50 <= 5));
            report.Add(new Figure($"room page p99 at {connections} connections", room.Latency.P99, "ms", trivial.Latency.P99, "/healthz"));
            report.Add(new Figure($"room page requests/s at {connections} connections", room.Rps, "req/s", trivial.Rps, "/healthz", "≥ 0.3× the trivial endpoint",
                trivial.Rps > 0 && room.Rps / trivial.Rps >= 0.3));
            // Steadier than requests/s on shared cores: what a page costs the server, whatever else takes the machine's time.
            report.Add(new Figure($"room page server CPU per request at {connections} connections", room.ServerCpuPerRequest, "µs", trivial.ServerCpuPerRequest, "/healthz"));
            report.Add(new Figure("room page p50 at 1 connection (the render time itself)", single.Latency.P50, "ms", Target: "≤ 5 ms", Met: single.Latency.P50 <= 5));
            report.Add(new Figure($"room page requests/s vs a static file, {connections} connections", room.Rps, "req/s", file.Rps, "/images/avatar.svg"));
            var errors = new[] { single, room, trivial, file }.Sum(l => l.Errors + l.WrongPages);
            report.Check("every response was 200 and every room page had its 30 messages", errors == 0, $"{errors} errors or wrong pages");
        }
        finally
        {
            foreach (var user in users) user.Dispose();
        }
    }

    private static int Articles(string html) => Articles(Encoding.UTF8.GetBytes(html));

    private static int Articles(ReadOnlySpan<byte> html)
    {
        var count = 0;
        for (var at = html.IndexOf("data-message-id=\""u8); at >= 0; at = html.IndexOf("data-message-id=\""u8))
        {
            count++;
            html = html[(at + 1)..];
        }
        return count;
    }

    // The page stays bytes, in a buffer of the client's own: decoding every 35 KB page into a string took the client's
    // share of the two cores (74 µs a page) from the server it measures.
    private sealed class ResponseBody
    {
        private byte[] _bytes = new byte[64 * 1024];
        private int _length;

        public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, _length);

        public async Task ReadAsync(HttpResponseMessage response, CancellationToken ct)
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            _length = 0;
            int read;
            do
            {
                if (_length == _bytes.Length) Array.Resize(ref _bytes, _length * 2);
                read = await body.ReadAsync(_bytes.AsMemory(_length), ct);
                _length += read;
            } while (read > 0);
        }
    }

    private static async Task<Load> LoadAsync(ServerProcess server, IReadOnlyList<AppUser> users, string path, int connections, double warmup, double seconds, CancellationToken ct)
    {
        var clients = Enumerable.Range(0, connections).Select(i => users[i % users.Count].NewConnection(i)).ToList();
        var latencies = new LatencyRecorder(2_000_000);
        long requests = 0, errors = 0, wrong = 0;
        var clock = Stopwatch.StartNew();
        var measureFrom = TimeSpan.FromSeconds(warmup);
        var end = TimeSpan.FromSeconds(warmup + seconds);
        var isRoom = path == "/";
        var serverCpu = Task.Run(async () =>
        {
            await Task.Delay(measureFrom, ct);
            var from = server.CpuTime();
            await Task.Delay(end - measureFrom, ct);
            return (server.CpuTime() - from).TotalMicroseconds;
        }, ct);
        try
        {
            await Task.WhenAll(clients.Select(client => Task.Run(async () =>
            {
                var body = new ResponseBody();
                while (clock.Elapsed < end && !ct.IsCancellationRequested)
                {
                    var start = Stats.Now;
                    var measured = clock.Elapsed >= measureFrom;
                    try
                    {
                        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
                        await body.ReadAsync(response, ct);
                        var elapsed = Stats.Now - start;
                        if (!measured) continue;
                        Interlocked.Increment(ref requests);
                        latencies.Add(elapsed);
                        if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
                        else if (isRoom && Articles(body.Bytes) != 30) Interlocked.Increment(ref wrong);
                    }
                    catch (HttpRequestException)
                    {
                        if (measured) Interlocked.Increment(ref errors);
                    }
                }
            }, ct)));
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
        var load = new Load(path, connections, requests / seconds, Percentiles.Of(latencies.Sorted()), requests, errors, wrong, await serverCpu);
        Log.Line($"GET {path} × {connections}: {load.Rps:0} req/s, p50 {load.Latency.P50:0.00} ms, p99 {load.Latency.P99:0.00} ms, " +
                 $"server CPU {load.ServerCpuPerRequest:0} µs/req, errors {errors}, wrong pages {wrong}");
        return load;
    }
}
