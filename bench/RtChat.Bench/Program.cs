using RtChat.Bench.Infrastructure;
using RtChat.Bench.Limit;
using RtChat.Bench.Scenarios;
using RtChat.Bench.Throughput;

namespace RtChat.Bench;

public static class Program
{
    private const string Usage = """
        RtChat.Bench — figures for the real-time chat, each beside its reference (bench/RESULTS.md).

          dotnet run -c Release --project bench/RtChat.Bench -- SCENARIO [--smoke] [--out DIR] [options]

        Scenarios (each starts what it measures as separate processes on 127.0.0.1 and stops them):
          limit       bare WebSocket broadcast limit (websocket-shootout protocol); --url ws://… targets any such server
                      [--step 500 --max-clients 18000 --samples 40 --concurrency 4 --limit-ms 500 --padding 0]
          fanout      the app: clients in one room, 4 senders posting through Send; and `limit` in the same run
                      [--users 100 --step 500 --max-clients 18000 --samples 40 --concurrency 4 --limit-ms 500
                       --nodes 1 (N > 1: also N nodes, Redis between them, nginx in front)]
          throughput  50 rooms x 20 clients, send rate stepped up; zero loss/duplicates checked per client; each rate taken
                      by the app, then by the bare reference (the same rows committed in the same batches and broadcast)
                      [--users 100 --rooms 50 --per-room 20 --rates 100,250,500,...,8000 --step-seconds 10 --p99-ms 250
                       --warmup-rate 300 --warmup-seconds 20 --idle-seconds 5 --max-minutes 10 (the steps of both)]
          memory      idle signed-in sockets: server working set and managed heap per socket, vs `limit`
                      [--users 100 --sockets 5000]
          render      GET of a room page with 30 messages at 32 connections, vs a trivial endpoint
                      [--connections 32 --seconds 10]
          chaos       2 nodes behind nginx, pages in group rooms posting while sockets are cut, nodes killed and restarted,
                      Redis restarted; every page checked against the database: nothing lost, nothing twice
                      [--rooms 5 --per-room 10 --minutes 3 --send-every 3 --kill-every 3 --kill-share 0.1
                       --faults node,node,redis --node-down 5 --redis-down 5 --presence-ttl 5 --settle-seconds 30
                       --realtime-log Information (the nodes' RtChat.Web.Realtime log level; node logs under the work dir)]
          images      12-megapixel JPEG → avatar (in process, the app's IImageProcessor), two in parallel, a bomb
                      [--runs 10 --width 4000 --height 3000]

        Not a scenario: `cluster [--nodes 2 --port N]` starts Redis, N app nodes and nginx (deploy/nginx/rtchat.conf)
        on 127.0.0.1 and serves until Ctrl-C (scripts/cluster).

        --smoke      tiny and quick (seconds): the same paths, counts checked, speed not judged
        --out DIR    where SCENARIO.json goes (default bench/results, or a temp folder with --smoke)
        --max-minutes N   time budget of the load phase (each scenario has a default)
        """;

    public static async Task<int> Main(string[] argv)
    {
        var args = new Args(argv);
        if (args.Scenario == "limit-server")
            return await LimitServer.RunAsync(args);
        if (args.Scenario == "cluster")
            return await ClusterCommand.RunAsync(args);
        if (args.Scenario == "throughput-server")
            return await ThroughputServer.RunAsync(args);
        if (args.Scenario is "help" or "--help" or "-h")
        {
            Console.WriteLine(Usage);
            return 0;
        }
        Func<Args, Report, CancellationToken, Task>? run = args.Scenario switch
        {
            "limit" => LimitScenario.RunAsync,
            "fanout" => FanoutScenario.RunAsync,
            "throughput" => ThroughputScenario.RunAsync,
            "memory" => MemoryScenario.RunAsync,
            "render" => RenderScenario.RunAsync,
            "images" => ImagesScenario.RunAsync,
            "chaos" => ChaosScenario.RunAsync,
            _ => null,
        };
        if (run is null)
        {
            Console.Error.WriteLine($"Unknown scenario \"{args.Scenario}\".\n\n{Usage}");
            return 2;
        }

        ThreadPool.SetMinThreads(Math.Max(16, Environment.ProcessorCount * 4), Math.Max(16, Environment.ProcessorCount * 4));
        var report = new Report(args.Scenario, args);
        var outDir = args.Text("out") ?? (args.Smoke
            ? Path.Combine(Path.GetTempPath(), "rtchat-bench-smoke")
            : Path.Combine(ServerProcess.RepoRoot, "bench", "results"));
        // Every scenario stops by itself: its load phases have budgets, and this is the hard stop over all of it.
        var hardStop = TimeSpan.FromMinutes(args.Double("hard-stop-minutes", 45, 5));
        using var cancel = new CancellationTokenSource(hardStop);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var failed = false;
        try
        {
            await run(args, report, cancel.Token);
        }
        catch (Exception e)
        {
            failed = true;
            report.Check("the scenario ran to its end", false, $"{e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine(e);
        }
        if (args.Unread.Any())
            Log.Line("Unknown options (ignored): " + string.Join(", ", args.Unread.Select(o => "--" + o)));
        Console.WriteLine(report.Markdown());
        Log.Line("Wrote " + report.WriteJson(outDir));
        return failed || !report.Ok ? 1 : 0;
    }

    /// <summary>A fresh folder for one run's database, keys, mail, media and server logs.</summary>
    public static string WorkDir(string scenario)
    {
        var dir = Path.Combine(Path.GetTempPath(), "rtchat-bench", $"{scenario}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
