using System.Diagnostics;
using System.Net;
using System.Text;
using RtChat.Bench.Clients;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Scenarios;

/// <summary>The throughput scenario's options, the same for the app and its reference.</summary>
public sealed record ThroughputSettings(
    RoomLayout Layout, IReadOnlyList<int> Rates, double StepSeconds, double P99Limit, int MaxInFlight, int WarmRate, double WarmSeconds,
    double IdleSeconds, TimeSpan Budget, bool Smoke)
{
    public static ThroughputSettings From(Args args)
    {
        var layout = new RoomLayout(args.Int("users", 100, 6), args.Int("rooms", 50, 2), args.Int("per-room", 20, 3));
        if (layout.PerRoom > layout.Users) throw new ArgumentException("--per-room cannot exceed --users: a room's clients are distinct members.");
        return new ThroughputSettings(layout,
            args.Ints("rates", "100,250,500,750,1000,1250,1500,1750,2000,2500,3000,3500,4000,5000,6000,7000,8000", "20,40"),
            args.Double("step-seconds", 10, 1), args.Double("p99-ms", 250, 250), args.Int("max-in-flight", 512, 64),
            args.Int("warmup-rate", 300, 10), args.Double("warmup-seconds", 20, 0.5), args.Double("idle-seconds", 5, 0.5),
            TimeSpan.FromMinutes(args.Double("max-minutes", 10, 1)), args.Smoke);
    }
}

public sealed record ThroughputStep(
    int Rate, int Posted, int Ok, int Failed, long Persisted, long Expected, long Delivered, long Lost, long Duplicates, long Strays,
    double Achieved, double SendSeconds, Percentiles Latency, Percentiles Post, double CpuPerMessage, bool Passed, string Why, bool Correct);

/// <summary>One server's run: the warm-up, then every step taken; its figure is the highest passing step.</summary>
public sealed record ThroughputRun(string Server, ThroughputStep Warm, double IdleCores, IReadOnlyList<ThroughputStep> Steps, int FrameBytes)
{
    public ThroughputStep? Best => Steps.LastOrDefault(s => s.Passed);

    /// <summary>This server's passing step at <paramref name="rate"/>, else its last try there.</summary>
    public ThroughputStep? At(int rate) => Steps.LastOrDefault(s => s.Rate == rate && s.Passed) ?? Steps.LastOrDefault(s => s.Rate == rate);

    public bool CountedEverything => Warm.Correct && Steps.All(s => s.Lost == 0 && s.Duplicates == 0 && s.Failed == 0 && s.Persisted == s.Ok && s.Ok == s.Posted);
}

/// <summary>
/// One server under the stepped open-loop procedure, driven the same way whichever it is: every client's socket opened
/// in its room, a warm-up, then steps. A step passes when every posted message was committed (counted in the server's
/// database) and reached every client of its room exactly once, with p99 post → arrival under the limit and ≥ 95% of
/// the rate achieved.
/// </summary>
public sealed class ThroughputSession(IThroughputTarget target, ThroughputSettings settings, StepTable table) : IDisposable
{
    // What a room page sends when its socket opens; the reference ignores it, the clients send it to both alike.
    private static readonly byte[] Resume = Encoding.UTF8.GetBytes("""{"after":0}""");
    private readonly ThroughputDeliveries _state = new(settings.Layout.Rooms, settings.Layout.PerRoom);
    private readonly BenchSocket[] _sockets = new BenchSocket[settings.Layout.Clients];
    private readonly List<ThroughputStep> _steps = [];
    private ThroughputStep? _warm;
    private double _idleCores;
    private int _seqBase;
    private bool _retried;

    public string Name => target.Name;

    /// <summary>False once a step failed twice at its rate, or lost or broke something.</summary>
    public bool Going { get; private set; } = true;

    public ThroughputRun Run => new(Name, _warm ?? throw new InvalidOperationException("No warm-up yet."), _idleCores, _steps, _state.FrameBytes);

    public async Task ConnectAsync(CancellationToken ct)
    {
        var layout = settings.Layout;
        var connect = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, layout.Clients), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (c, token) =>
            {
                var room = c / layout.PerRoom;
                var socket = await target.ConnectAsync(c, (s, frame) => _state.OnFrame(s.Index, room, frame), token);
                _sockets[c] = socket;
                await socket.SendTextAsync(Resume, token);
            });
        Log.Line($"{Name}: connected {layout.Clients} sockets in {layout.Rooms} rooms in {connect.Elapsed.TotalSeconds:0.0} s");
        await Task.Delay(TimeSpan.FromSeconds(settings.Smoke ? 0.5 : 2), ct);
    }

    /// <summary>
    /// Checked but not reported: until tiered compilation has settled, the server spends a fifth of its CPU in the JIT
    /// (perf showed libclrjit at 18% after a 3 s warm-up), which is not the sustained rate asked for.
    /// </summary>
    public async Task<ThroughputStep> WarmUpAsync(CancellationToken ct)
    {
        var warm = await StepAsync(settings.WarmRate, settings.WarmSeconds, double.MaxValue, ct);
        Log.Line($"{Name}: warm-up at {settings.WarmRate} msg/s: posted {warm.Posted}, delivered {warm.Delivered}/{warm.Expected}, lost {warm.Lost}, " +
                 $"dup {warm.Duplicates}, delivery p50 {warm.Latency.P50:0.0} p99 {warm.Latency.P99:0.0} ms");
        // What the server burns with its sockets open and nothing posted: a share of each step's CPU per message, the
        // larger the slower the rate.
        var cpuBefore = target.Server.CpuTime();
        var idle = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(settings.IdleSeconds), ct);
        _idleCores = (target.Server.CpuTime() - cpuBefore).TotalSeconds / idle.Elapsed.TotalSeconds;
        Log.Line($"{Name}: idle with its sockets open: {_idleCores * 100:0.0}% of a core");
        return _warm = warm;
    }

    /// <summary>Takes the step at <paramref name="rate"/>, and a second try there if it failed on its p99 or rate alone.</summary>
    public async Task StepAsync(int rate, CancellationToken ct)
    {
        do
        {
            var step = await StepAsync(rate, settings.StepSeconds, settings.P99Limit, ct);
            _steps.Add(step);
            table.Add(Name, rate, step.Posted, step.Persisted, step.Failed, step.Delivered, step.Lost, step.Duplicates, step.Achieved,
                step.Post.P99, step.Latency.P50, step.Latency.P95, step.Latency.P99, step.CpuPerMessage,
                (step.Passed ? "yes" : $"**no** ({step.Why})") + (_retried ? " (second try)" : ""));
            Log.Line($"{Name}: {rate,5} msg/s offered: posted {step.Posted}, committed {step.Persisted}, failed {step.Failed}, " +
                     $"delivered {step.Delivered}/{step.Expected}, lost {step.Lost}, dup {step.Duplicates}, strays {step.Strays}, achieved {step.Achieved:0} msg/s, " +
                     $"sent in {step.SendSeconds:0.00} s, server CPU {step.CpuPerMessage:0} µs/msg, post p99 {step.Post.P99:0.0} ms, " +
                     $"delivery p50 {step.Latency.P50:0.0} p99 {step.Latency.P99:0.0} ms " +
                     $"→ {(step.Passed ? "pass" : "FAIL: " + step.Why)}");
            await Task.Delay(TimeSpan.FromSeconds(settings.Smoke ? 0.2 : 1), ct);
            // A smoke only checks the counting, so it goes through its (tiny) rates whatever the latency. A step that
            // lost or broke nothing but was too slow gets a second try at its rate, as fan-out's steps do: one stall
            // of a few hundred ms on the shared cores fails a 10 s step's p99.
            if (step.Passed || settings.Smoke)
            {
                _retried = false;
                return;
            }
            if (!step.Correct || _retried)
            {
                Going = false;
                return;
            }
            _retried = true;
        } while (true);
    }

    public void Dispose()
    {
        foreach (var socket in _sockets) socket?.Abort();
        target.Dispose();
    }

    private async Task<ThroughputStep> StepAsync(int rate, double seconds, double p99Limit, CancellationToken ct)
    {
        var layout = settings.Layout;
        var state = _state;
        var sockets = _sockets;
        var seqBase = _seqBase;
        var total = (int)Math.Round(rate * seconds);
        var idBefore = target.Database.MaxMessageId();
        var cpuBefore = target.Server.CpuTime();
        var endedBefore = sockets.Count(s => s.Ended);
        state.BeginStep(seqBase, total);
        var posts = new LatencyRecorder(total);
        var inFlight = new SemaphoreSlim(settings.MaxInFlight, settings.MaxInFlight);
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
            var room = k % layout.Rooms;
            var member = k / layout.Rooms % layout.PerRoom;
            var seq = seqBase + k;
            var sample = k;
            pending.Add(Task.Run(async () =>
            {
                try
                {
                    state.MarkSent(sample);
                    var start = Stats.Now;
                    var status = await target.PostAsync(room, member, FrameText.Body(seq), ct);
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
        _seqBase += total;

        var drain = Stopwatch.StartNew();
        while (state.Delivered < state.Expected && drain.Elapsed < TimeSpan.FromSeconds(5))
            await Task.Delay(20, ct);
        var persisted = target.Database.CountMessagesAfter(idBefore);
        var cpuPerMessage = (target.Server.CpuTime() - cpuBefore).TotalMicroseconds / Math.Max(1, persisted);
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
        return new ThroughputStep(rate, total, ok, failed, persisted, state.Expected, state.Delivered, lost, state.Duplicates, state.Strays, achieved, sendSeconds,
            latency, Percentiles.Of(posts.Sorted()), cpuPerMessage, why.Count == 0, why.Count == 0 ? "" : string.Join(", ", why),
            Correct: failed == 0 && persisted == ok && lost == 0 && state.Duplicates == 0 && ended == 0);
    }
}
