using System.Diagnostics;
using System.Globalization;
using System.Net;
using RtChat.Bench.Clients;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Scenarios;

/// <summary>
/// <c>chaos</c>: the delivery guarantee under failures. Two nodes behind nginx with Redis between them; pages (one user
/// each) in group rooms post through nginx while <see cref="ChaosFaults"/> cut sockets and restart nodes and Redis. At the
/// end the database is the truth: every page must show every message committed in its room after it first opened,
/// each once, and nothing else.
/// </summary>
public static class ChaosScenario
{
    private static readonly TimeSpan PostsAfterRecovery = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(Args args, Report report, CancellationToken ct)
    {
        var roomCount = args.Int("rooms", 5, 2);
        var perRoom = args.Int("per-room", 10, 3);
        var duration = TimeSpan.FromSeconds(args.Double("minutes", 3, 25 / 60.0) * 60);
        var sendEvery = args.Double("send-every", 3, 1);
        var settle = TimeSpan.FromSeconds(args.Double("settle-seconds", 30, 30));
        var presenceTtl = TimeSpan.FromSeconds(args.Double("presence-ttl", 5, 5));
        var faults = ChaosFaults.From(args);
        report.Details["method"] = $"{roomCount} group rooms × {perRoom} pages (a user each) on 2 nodes behind nginx, Redis backplane; " +
                                   $"each page posts through nginx every {sendEvery:0.#} s on average (exponential gaps) for {duration.TotalSeconds:0} s, " +
                                   "a failed post is not retried; " + faults.Describe;
        report.Details["settings"] = $"Realtime:PresenceTtl = {presenceTtl.TotalSeconds:0} s (so a node that died between commit and publish " +
                                     "is covered within the run); ResumeLimit (100) and ResumeOverlap (10) the app's defaults";
        report.Details["catch-up"] = "from a socket's (re)open to when its page shows every message committed in its room by then " +
                                     "(read from the database right after the open)";

        var work = Program.WorkDir("chaos");
        report.Details["work dir"] = work;
        var settings = new Dictionary<string, string> { ["Realtime:PresenceTtl"] = presenceTtl.ToString("c", CultureInfo.InvariantCulture) };
        // The nodes log warnings only; the backplane's outage and catch-up steps are information.
        if (args.Text("realtime-log") is { } level) settings["Logging:LogLevel:RtChat.Web.Realtime"] = level;
        await using var cluster = await Cluster.StartAsync(work, 2, new ClusterOptions(Settings: settings));
        var users = await AppUser.RegisterManyAsync(cluster.BaseAddress, roomCount * perRoom, ct);
        var pages = new List<ChaosPage>();
        using var stopPages = new CancellationTokenSource();
        var running = new List<Task>();
        try
        {
            var db = new BenchDatabase(Path.Combine(work, "shared", "rtchat.db"));
            db.LoadUserIds(users);
            var names = Enumerable.Range(0, roomCount).Select(r => $"chaos-room-{r + 1}").ToList();
            db.CreateGroupRooms(names.Select((name, r) => (name, (IReadOnlyList<AppUser>)users.Skip(r * perRoom).Take(perRoom).ToList())).ToList());
            var roomIds = db.RoomIds(names);
            var before = db.MaxMessageId();
            for (var i = 0; i < users.Length; i++)
            {
                var room = i / perRoom;
                await users[i].PrepareToSendAsync(names[room], ct);
                pages.Add(new ChaosPage(users[i], names[room], i, () => db.MessagesAfter(roomIds[room], before).Select(m => m.Id).ToList()));
            }
            running.AddRange(pages.Select(page => Task.Run(() => page.RunAsync(stopPages.Token), CancellationToken.None)));
            await WaitAsync(() => pages.All(p => p.IsOpen), TimeSpan.FromSeconds(30), ct);
            Log.Line($"{pages.Count(p => p.IsOpen)} of {pages.Count} pages open in {roomCount} rooms; chaos for {duration.TotalSeconds:0} s");

            var posts = new Posts();
            FaultLog log;
            using (var sending = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var senders = pages.Select(page => Task.Run(() => SendAsync(page, sendEvery, posts, sending.Token), CancellationToken.None)).ToList();
                var faultRun = faults.RunAsync(cluster, pages, duration, ct);
                await Task.Delay(duration, ct);
                log = await faultRun;
                // A node can take longer to start than planned on a busy machine: posts go on a while after the last recovery.
                var sinceRecovery = log.Clock.Elapsed - log.LastRestartEnded;
                if (sinceRecovery < PostsAfterRecovery) await Task.Delay(PostsAfterRecovery - sinceRecovery, ct);
                await sending.CancelAsync();
                await Task.WhenAll(senders);
                report.Details["posting lasted"] = $"{log.Clock.Elapsed.TotalSeconds:0} s";
                report.Details["faults"] = log.Events;
                var planned = faults.Restarts.CountBy(r => r).ToDictionary();
                report.Check("the faults ran",
                    log.NodeRestarts == planned.GetValueOrDefault("node") && log.RedisRestarts == planned.GetValueOrDefault("redis") && log.SocketKills > 0,
                    $"{log.NodeRestarts} node restarts, {log.RedisRestarts} Redis restarts, {log.SocketKills} sockets cut");
            }
            Log.Line($"Sending stopped: {posts.Ok} posts answered 204, {posts.Failed.Count} failed; waiting for delivery to settle");

            IReadOnlyList<IReadOnlyList<(long Id, string Body)>> Committed() => roomIds.Select(id => db.MessagesAfter(id, before)).ToList();
            var settling = Stopwatch.StartNew();
            await WaitAsync(() =>
            {
                var committed = Committed();
                return pages.All(p => p.IsOpen && MissingFrom(p, committed[names.IndexOf(p.Room)]) == 0);
            }, settle, ct);
            Log.Line($"Settled after {settling.Elapsed.TotalSeconds:0.0} s");
            var final = Committed();
            await stopPages.CancelAsync();
            foreach (var page in pages) page.Close();
            await Task.WhenAll(running);
            ChaosVerdict.Report(report, pages, names, final, posts, log, settling.Elapsed);
        }
        finally
        {
            await stopPages.CancelAsync();
            foreach (var page in pages) page.Close();
            foreach (var user in users) user.Dispose();
        }
    }

    private static int MissingFrom(ChaosPage page, IReadOnlyList<(long Id, string Body)> committed)
    {
        var shown = page.Shown;
        return committed.Count(m => !shown.Contains(m.Id));
    }

    /// <summary>A user at the composer: a message now and then, each posted once (a failure leaves the text with the user).</summary>
    private static async Task SendAsync(ChaosPage page, double meanSeconds, Posts posts, CancellationToken stop)
    {
        for (var seq = 1; ; seq++)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(-Math.Log(1 - Random.Shared.NextDouble()) * meanSeconds), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var body = $"chaos {page.User.Username} {seq}";
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                var status = await page.User.SendAsync(page.Room, body, patience.Token);
                if (status == HttpStatusCode.NoContent) posts.Accepted(body);
                else posts.Fail(body, ((int)status).ToString(CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                posts.Fail(body, e is OperationCanceledException ? "timeout" : "connection");
            }
        }
    }

    private static async Task WaitAsync(Func<bool> done, TimeSpan patience, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!done() && clock.Elapsed < patience)
            await Task.Delay(500, ct);
    }
}

/// <summary>The composer's posts: bodies answered 204, and the failed ones with why (a status, a timeout, a dropped connection).</summary>
public sealed class Posts
{
    private readonly Lock _gate = new();
    public HashSet<string> AcceptedBodies { get; } = [];
    public List<(string Body, string Why)> Failed { get; } = [];

    public int Ok
    {
        get { lock (_gate) return AcceptedBodies.Count; }
    }

    public void Accepted(string body)
    {
        lock (_gate) AcceptedBodies.Add(body);
    }

    public void Fail(string body, string why)
    {
        lock (_gate) Failed.Add((body, why));
    }
}
