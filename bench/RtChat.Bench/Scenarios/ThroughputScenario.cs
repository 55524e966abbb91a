using System.Diagnostics;
using System.Net;
using System.Text;
using RtChat.Bench.Clients;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Scenarios;

/// <summary>
/// <c>throughput</c>: group rooms × clients each, messages posted through Send at a stepped open-loop rate, spread over
/// the rooms and their members. A step passes when every posted message was committed (counted in the database) and
/// reached every client of its room exactly once, with p99 post → arrival under the limit and the rate kept up.
/// The figure is the highest passing step's achieved rate.
/// </summary>
public static class ThroughputScenario
{
    private sealed record Step(
        int Rate, int Posted, int Ok, int Failed, long Persisted, long Expected, long Delivered, long Lost, long Duplicates, long Strays,
        double Achieved, double SendSeconds, Percentiles Latency, Percentiles Post, bool Passed, string Why, bool Correct);

    public static async Task RunAsync(Args args, Report report, CancellationToken ct)
    {
        var userCount = args.Int("users", 100, 6);
        var roomCount = args.Int("rooms", 50, 2);
        var perRoom = args.Int("per-room", 20, 3);
        var rates = args.Ints("rates", "250,500,750,1000,1250,1500,1750,2000,2500,3000,3500,4000,5000", "20,40");
        var seconds = args.Double("step-seconds", 10, 1);
        var p99Limit = args.Double("p99-ms", 250, 250);
        var maxInFlight = args.Int("max-in-flight", 512, 64);
        var budget = TimeSpan.FromMinutes(args.Double("max-minutes", 10, 1));
        if (perRoom > userCount) throw new ArgumentException("--per-room cannot exceed --users: a room's clients are distinct members.");
        report.Details["method"] = $"{roomCount} group rooms × {perRoom} clients ({roomCount * perRoom} sockets, {userCount} users), open-loop posts at each rate " +
                                   $"for {seconds:0.#} s (at most {maxInFlight} in flight), rooms and authors round-robin; pass = all committed, " +
                                   $"all delivered once to every client of the room, p99 < {p99Limit:0} ms, ≥ 95% of the rate achieved";
        report.Details["rooms"] = "created by the bench in the app's SQLite file (Rooms, Memberships), the app unchanged";

        var work = Program.WorkDir("throughput");
        await using var server = await ServerProcess.StartAppAsync(work);
        var users = await AppUser.RegisterManyAsync(server.BaseAddress, userCount, ct);
        var sockets = new List<BenchSocket>();
        try
        {
            var db = new BenchDatabase(Path.Combine(work, "rtchat.db"));
            db.LoadUserIds(users);
            var members = Enumerable.Range(0, roomCount)
                .Select(r => (IReadOnlyList<AppUser>)Enumerable.Range(0, perRoom).Select(i => users[(r * perRoom + i) % userCount]).ToList())
                .ToList();
            var names = Enumerable.Range(0, roomCount).Select(r => $"bench-room-{r:D2}").ToList();
            db.CreateGroupRooms(names.Select((name, r) => (name, members[r])).ToList());
            foreach (var user in users.Where(u => members.Any(m => m.Contains(u))))
                await user.PrepareToSendAsync(names[members.FindIndex(m => m.Contains(user))], ct);

            var state = new Deliveries(roomCount, perRoom);
            var clientRoom = new int[roomCount * perRoom];
            var resume = Encoding.UTF8.GetBytes("""{"after":0}""");
            var connect = Stopwatch.StartNew();
            var connected = new BenchSocket[roomCount * perRoom];
            await Parallel.ForEachAsync(Enumerable.Range(0, roomCount * perRoom), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
                async (c, token) =>
                {
                    var room = c / perRoom;
                    clientRoom[c] = room;
                    var user = members[room][c % perRoom];
                    var socket = await BenchSocket.ConnectAsync(server.SocketAddress(AppUser.SocketPath(names[room])), c,
                        (s, frame) => state.OnFrame(s.Index, room, frame), user.CookieHeader, user.Origin, token);
                    await socket.SendTextAsync(resume, token);
                    connected[c] = socket;
                });
            sockets.AddRange(connected);
            Log.Line($"Connected {sockets.Count} sockets in {roomCount} rooms in {connect.Elapsed.TotalSeconds:0.0} s");
            await Task.Delay(TimeSpan.FromSeconds(args.Smoke ? 0.5 : 2), ct);

            // Warm-up, checked but not reported: until tiered compilation has settled, the server spends a fifth of its CPU
            // in the JIT (perf showed libclrjit at 18% after a 3 s warm-up), which is not the sustained rate asked for.
            var warmRate = args.Int("warmup-rate", 300, 10);
            var warm = await StepAsync(warmRate, args.Double("warmup-seconds", 20, 0.5), 0, double.MaxValue, maxInFlight, names, members, state, db, sockets, ct);
            Log.Line($"Warm-up at {warmRate} msg/s: posted {warm.Posted}, delivered {warm.Delivered}/{warm.Expected}, lost {warm.Lost}, dup {warm.Duplicates}, " +
                     $"delivery p50 {warm.Latency.P50:0.0} p99 {warm.Latency.P99:0.0} ms");
            report.Check("the warm-up step lost nothing", warm.Lost == 0 && warm.Duplicates == 0 && warm.Failed == 0, warm.Why);

            var table = report.Table("Steps", "offered msg/s", "posted", "committed", "failed posts", "delivered", "lost", "dup",
                "achieved msg/s", "post p99 ms", "delivery p50 ms", "delivery p95 ms", "delivery p99 ms", "passed");
            var steps = new List<Step>();
            var clock = Stopwatch.StartNew();
            var seqBase = warm.Posted;
            var retried = false;
            for (var next = 0; next < rates.Count; next++)
            {
                var rate = rates[next];
                if (clock.Elapsed > budget)
                {
                    Log.Line("Time budget spent");
                    break;
                }
                var step = await StepAsync(rate, seconds, seqBase, p99Limit, maxInFlight, names, members, state, db, sockets, ct);
                seqBase += step.Posted;
                steps.Add(step);
                table.Add(rate, step.Posted, step.Persisted, step.Failed, step.Delivered, step.Lost, step.Duplicates, step.Achieved,
                    step.Post.P99, step.Latency.P50, step.Latency.P95, step.Latency.P99,
                    (step.Passed ? "yes" : $"**no** ({step.Why})") + (retried ? " (second try)" : ""));
                Log.Line($"{rate,5} msg/s offered: posted {step.Posted}, committed {step.Persisted}, failed {step.Failed}, delivered {step.Delivered}/{step.Expected}, " +
                         $"lost {step.Lost}, dup {step.Duplicates}, strays {step.Strays}, achieved {step.Achieved:0} msg/s, sent in {step.SendSeconds:0.00} s, " +
                         $"post p99 {step.Post.P99:0.0} ms, delivery p50 {step.Latency.P50:0.0} p99 {step.Latency.P99:0.0} ms → {(step.Passed ? "pass" : "FAIL: " + step.Why)}");
                // A smoke only checks the counting, so it goes through its (tiny) rates whatever the latency. A step that
                // lost or broke nothing but was too slow gets a second try at its rate, as fan-out's steps do: one stall
                // of a few hundred ms on the shared cores fails a 10 s step's p99.
                if (!step.Passed && !args.Smoke)
                {
                    if (!step.Correct || retried) break;
                    retried = true;
                    next--;
                }
                else retried = false;
                await Task.Delay(TimeSpan.FromSeconds(args.Smoke ? 0.2 : 1), ct);
            }

            var best = steps.LastOrDefault(s => s.Passed);
            report.Add(new Figure("messages/s persisted and delivered (p99 < 250 ms, zero loss)", best?.Achieved ?? 0, "msg/s", Target: "≥ 2,000 msg/s",
                // A step passes only with every message persisted and delivered and ≥ 95% of its rate achieved, so the
                // offered rate is what passed (an open-loop sender lands a few messages past the step's 10 s).
                Met: best is { Rate: >= 2000 }, Note: best is null ? "no step passed" : $"offered {best.Rate:N0} msg/s"));
            if (best is not null)
            {
                report.Add(new Figure("delivery p99 at that rate", best.Latency.P99, "ms", Target: $"< {p99Limit:0} ms", Met: best.Latency.P99 < p99Limit));
                report.Add(new Figure("deliveries at that rate (messages × room clients)", best.Delivered, "count"));
            }
            report.Add(new Figure("lost deliveries, all steps", steps.Sum(s => s.Lost), "count", Target: "0", Met: steps.Where(s => s.Passed || s == steps[^1]).All(s => s.Lost == 0),
                Note: "the failing step's loss, if any, is what stopped it"));
            report.Add(new Figure("duplicate deliveries, all steps", steps.Sum(s => s.Duplicates), "count", Target: "0", Met: steps.All(s => s.Duplicates == 0)));
            if (args.Smoke)
                report.Check("every posted message was committed and reached every client of its room exactly once",
                    steps.Count == rates.Count && steps.All(s => s.Lost == 0 && s.Duplicates == 0 && s.Failed == 0 && s.Persisted == s.Ok && s.Ok == s.Posted),
                    string.Join("; ", steps.Select(s => $"{s.Rate}/s: {s.Why}")));
        }
        finally
        {
            foreach (var socket in sockets) socket.Abort();
            foreach (var user in users) user.Dispose();
        }
    }

    private static async Task<Step> StepAsync(int rate, double seconds, int seqBase, double p99Limit, int maxInFlight, IReadOnlyList<string> rooms,
        IReadOnlyList<IReadOnlyList<AppUser>> members, Deliveries state, BenchDatabase db, IReadOnlyList<BenchSocket> sockets, CancellationToken ct)
    {
        var total = (int)Math.Round(rate * seconds);
        var idBefore = db.MaxMessageId();
        var endedBefore = sockets.Count(s => s.Ended);
        state.BeginStep(seqBase, total);
        var posts = new LatencyRecorder(total);
        var inFlight = new SemaphoreSlim(maxInFlight, maxInFlight);
        var pending = new List<Task>(total);
        var failed = 0;
        var ok = 0;
        var clock = Stopwatch.StartNew();
        for (var k = 0; k < total; k++)
        {
            var due = TimeSpan.FromSeconds(k / (double)rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, ct);
            await inFlight.WaitAsync(ct);
            var room = k % rooms.Count;
            var author = members[room][k / rooms.Count % members[room].Count];
            var seq = seqBase + k;
            var sample = k;
            pending.Add(Task.Run(async () =>
            {
                try
                {
                    state.MarkSent(sample);
                    var start = Stats.Now;
                    var status = await author.SendAsync(rooms[room], FrameText.Body(seq), ct);
                    if (status == HttpStatusCode.NoContent)
                    {
                        posts.Add(Stats.Now - start);
                        state.MarkCommitted(sample);
                        Interlocked.Increment(ref ok);
                    }
                    else Interlocked.Increment(ref failed);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
                finally
                {
                    inFlight.Release();
                }
            }, ct));
        }
        var sendSeconds = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(pending);

        var drain = Stopwatch.StartNew();
        while (state.Delivered < state.Expected && drain.Elapsed < TimeSpan.FromSeconds(5))
            await Task.Delay(20, ct);
        var persisted = db.CountMessagesAfter(idBefore);
        var latency = state.Latencies();
        var achieved = state.CompleteMessages() / Math.Max(1e-9, Stats.Ms(state.LastArrival - state.FirstSent) / 1000);
        var ended = sockets.Count(s => s.Ended) - endedBefore;
        var lost = state.Expected - state.Delivered;
        var why = new List<string>();
        if (failed > 0) why.Add($"{failed} posts failed");
        if (persisted != ok) why.Add($"{persisted} committed for {ok} accepted");
        if (lost > 0) why.Add($"{lost} deliveries lost");
        if (state.Duplicates > 0) why.Add($"{state.Duplicates} duplicates");
        if (ended > 0) why.Add($"{ended} sockets dropped");
        if (latency.P99 >= p99Limit) why.Add($"p99 {latency.P99:0} ms");
        if (achieved < 0.95 * rate) why.Add($"achieved {achieved:0} of {rate} msg/s");
        return new Step(rate, total, ok, failed, persisted, state.Expected, state.Delivered, lost, state.Duplicates, state.Strays, achieved, sendSeconds,
            latency, Percentiles.Of(posts.Sorted()), why.Count == 0, why.Count == 0 ? "" : string.Join(", ", why),
            Correct: failed == 0 && persisted == ok && lost == 0 && state.Duplicates == 0 && ended == 0);
    }

    /// <summary>
    /// Per client, which of its room's messages it has (a bit each): message k of a step goes to room k % rooms, so a
    /// client's bits are indexed k / rooms. Each client's bits are written by its own reader only.
    /// </summary>
    private sealed class Deliveries(int rooms, int perRoom)
    {
        private readonly int _clients = rooms * perRoom;
        private int _base;
        private int _total;
        private long[] _sentAt = [];
        private bool[] _committed = [];
        private int[] _receivedBy = [];
        private ulong[][] _seen = [];
        private LatencyRecorder _latencies = new(1);
        private long _delivered;
        private long _duplicates;
        private long _strays;
        private long _lastArrival;

        public long Delivered => Interlocked.Read(ref _delivered);
        public long Duplicates => Interlocked.Read(ref _duplicates);
        public long Strays => Interlocked.Read(ref _strays);
        public long Expected => _committed.Count(c => c) * (long)perRoom;
        public long LastArrival => Interlocked.Read(ref _lastArrival);
        public long FirstSent => _sentAt.Length > 0 ? _sentAt[0] : 0;

        public void BeginStep(int seqBase, int total)
        {
            _base = seqBase;
            _total = total;
            _sentAt = new long[total];
            _committed = new bool[total];
            _receivedBy = new int[total];
            var perClient = (total + rooms - 1) / rooms;
            _seen = Enumerable.Range(0, _clients).Select(_ => new ulong[(perClient + 63) / 64]).ToArray();
            _latencies = new LatencyRecorder(total * perRoom);
            _delivered = _duplicates = _strays = _lastArrival = 0;
        }

        public void MarkSent(int k) => Volatile.Write(ref _sentAt[k], Stats.Now);

        public void MarkCommitted(int k) => Volatile.Write(ref _committed[k], true);

        /// <summary>Messages every client of their room received.</summary>
        public int CompleteMessages() => _receivedBy.Count(n => n >= perRoom);

        public Percentiles Latencies() => Percentiles.Of(_latencies.Sorted());

        public void OnFrame(int client, int room, ReadOnlySpan<byte> frame)
        {
            if (!FrameText.TryBenchSeq(frame, out var seq)) return;
            var now = Stats.Now;
            var k = seq - _base;
            if (k < 0 || k >= _total || k % rooms != room)
            {
                Interlocked.Increment(ref _strays);
                return;
            }
            var bit = k / rooms;
            var bits = _seen[client];
            var mask = 1UL << (bit % 64);
            if ((bits[bit / 64] & mask) != 0)
            {
                Interlocked.Increment(ref _duplicates);
                return;
            }
            bits[bit / 64] |= mask;
            _latencies.Add(now - Volatile.Read(ref _sentAt[k]));
            Interlocked.Increment(ref _receivedBy[k]);
            Interlocked.Increment(ref _delivered);
            var last = Interlocked.Read(ref _lastArrival);
            while (now > last)
            {
                var seen = Interlocked.CompareExchange(ref _lastArrival, now, last);
                if (seen == last) break;
                last = seen;
            }
        }
    }
}
