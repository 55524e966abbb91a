namespace RtChat.Bench.Infrastructure;

/// <summary>
/// <c>cluster [--nodes 2] [--port N]</c> (what scripts/cluster runs): a <see cref="Cluster"/> with the app's own limits,
/// for a person to use, until Ctrl-C.
/// </summary>
public static class ClusterCommand
{
    public static async Task<int> RunAsync(Args args)
    {
        var nodes = args.Int("nodes", 2, 2);
        var port = args.Text("port") is { Length: > 0 } given ? int.Parse(given, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        var workDir = Program.WorkDir("cluster");
        await using var cluster = await Cluster.StartAsync(workDir, nodes, new ClusterOptions(Port: port, RaiseLimits: false));
        Console.WriteLine($"""

            RtChat on {cluster.BaseAddress} (nginx → {string.Join(", ", cluster.Nodes.Select(n => $"{n.Name} {n.BaseAddress}"))}; Redis {cluster.Redis.ConnectionString})
            Database, media and mail (sign-up links) under {Path.Combine(workDir, "shared")}; node logs under {workDir}.
            Ctrl-C stops everything.
            """);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException) { }
        return 0;
    }
}
