using System.Diagnostics;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Scenarios;

/// <summary>A server the stepped broadcast method drives: the app (posts through Send) or a shootout-protocol server.</summary>
public interface IBroadcastTarget : IAsyncDisposable
{
    string Name { get; }
    int Clients { get; }

    /// <summary>Sockets that ended before the bench closed them (dropped by the server, failed).</summary>
    int Ended { get; }

    /// <summary>The server's processes (several nodes), when the bench started them: their CPU time, summed, per delivered frame is reported.</summary>
    IReadOnlyList<ServerProcess> Servers { get; }

    /// <summary>Adds clients until there are <paramref name="total"/>, each reading and reporting to <paramref name="tracker"/>.</summary>
    Task GrowAsync(int total, DeliveryTracker tracker, CancellationToken ct);

    /// <summary>Sends broadcast <paramref name="seq"/> and completes when the server says it went out (broadcastResult, or the 204).</summary>
    Task<bool> BroadcastAsync(int seq, CancellationToken ct);
}

/// <summary>
/// Who got which broadcast of the current step, when: every (client, broadcast) pair is seen once, or it is a duplicate;
/// the latency of each delivery is its arrival minus the broadcast's send start.
/// </summary>
public sealed class DeliveryTracker
{
    private int _base;
    private int _samples;
    private int _clients;
    private long[] _sentAt = [];
    private long[] _lastAt = [];
    private byte[] _seen = [];
    private int _delivered;
    private int _duplicates;
    private int _strays;
    private long _maxMessageId;
    private LatencyRecorder _latencies = new(1);

    public int Delivered => Volatile.Read(ref _delivered);
    public int Duplicates => Volatile.Read(ref _duplicates);
    public int Strays => Volatile.Read(ref _strays);
    public int Expected => _samples * _clients;

    /// <summary>The newest app message id any client has seen (what a new socket resumes after).</summary>
    public long MaxMessageId => Interlocked.Read(ref _maxMessageId);

    public void BeginStep(int baseSeq, int samples, int clients)
    {
        _base = baseSeq;
        _samples = samples;
        _clients = clients;
        _sentAt = new long[samples];
        _lastAt = new long[samples];
        _seen = new byte[samples * clients];
        _latencies = new LatencyRecorder(samples * clients);
        _delivered = _duplicates = _strays = 0;
    }

    public void MarkSent(int seq) => Volatile.Write(ref _sentAt[seq - _base], Stats.Now);

    public void SawMessageId(long id)
    {
        var current = Interlocked.Read(ref _maxMessageId);
        while (id > current)
        {
            var seen = Interlocked.CompareExchange(ref _maxMessageId, id, current);
            if (seen == current) return;
            current = seen;
        }
    }

    /// <summary>Client <paramref name="client"/> received broadcast <paramref name="seq"/> (called on that client's reader only).</summary>
    public void Deliver(int client, int seq)
    {
        var now = Stats.Now;
        var sample = seq - _base;
        if (sample < 0 || sample >= _samples || client >= _clients)
        {
            Interlocked.Increment(ref _strays);
            return;
        }
        var slot = client * _samples + sample;
        if (_seen[slot]++ > 0)
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }
        var sent = Volatile.Read(ref _sentAt[sample]);
        _latencies.Add(now - sent);
        var last = Volatile.Read(ref _lastAt[sample]);
        while (now > last)
        {
            var seen = Interlocked.CompareExchange(ref _lastAt[sample], now, last);
            if (seen == last) break;
            last = seen;
        }
        Interlocked.Increment(ref _delivered);
    }

    public Percentiles Latencies() => Percentiles.Of(_latencies.Sorted());

    /// <summary>Per broadcast, the time until its last client had it.</summary>
    public Percentiles LastClient() => Percentiles.Of(
        Enumerable.Range(0, _samples).Where(i => _lastAt[i] > 0 && _sentAt[i] > 0).Select(i => Stats.Ms(_lastAt[i] - _sentAt[i])).ToList());
}

/// <summary>One step: how many clients, and what the broadcasts cost.</summary>
public sealed record BroadcastStep(
    int Clients, Percentiles Rtt, Percentiles Delivery, Percentiles LastClient, int Lost, int Duplicates, int FailedSends, int Ended,
    bool Passed, double Seconds, double? ServerCpuPerFrameUs);

public sealed record BroadcastRun(string Target, IReadOnlyList<BroadcastStep> Steps, string StopReason)
{
    /// <summary>The last step that passed (p95 within the limit, nothing lost), if any.</summary>
    public BroadcastStep? Reached => Steps.LastOrDefault(s => s.Passed);

    /// <summary>The step at <paramref name="clients"/>: its retry, when it had one.</summary>
    public BroadcastStep? At(int clients) => Steps.LastOrDefault(s => s.Clients == clients);
}

/// <summary>
/// The websocket-shootout method: add clients a step at a time; at each step keep <c>concurrency</c> broadcasts in
/// flight until <c>samples</c> have completed; stop at the first step whose 95th percentile round trip (broadcastResult
/// or 204) or delivery (send → a client has it) exceeds the limit twice in a row, or that lost a delivery, or at the
/// client cap. The second try: on two cores shared with the clients one slow step is as often the machine (a stall of
/// a few hundred ms in 40 broadcasts) as the server, and the ratio of two runs that each stop at their first stall
/// swung by a third; both servers get the same second try.
/// </summary>
public sealed class SteppedBroadcast(int step, int maxClients, int samples, int concurrency, TimeSpan limit, TimeSpan budget, TimeSpan settle)
{
    public async Task<BroadcastRun> RunAsync(IBroadcastTarget target, StepTable table, CancellationToken ct)
    {
        var tracker = new DeliveryTracker();
        var steps = new List<BroadcastStep>();
        var clock = Stopwatch.StartNew();
        var seqBase = 0;
        var reason = $"reached the cap of {maxClients:N0} clients";
        var retriedAt = 0;
        for (var clients = Math.Min(step, maxClients); clients <= maxClients; clients += step)
        {
            if (clock.Elapsed > budget)
            {
                reason = $"time budget of {budget.TotalMinutes:0} min spent";
                break;
            }
            try
            {
                await target.GrowAsync(clients, tracker, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                reason = $"could not connect {clients:N0} clients: {e.GetType().Name}: {e.Message}";
                Log.Line(reason);
                break;
            }
            await Task.Delay(settle, ct);
            var result = await StepAsync(target, tracker, clients, seqBase, ct);
            seqBase += samples;
            steps.Add(result);
            var verdict = (result.Passed ? "yes" : "**no**") + (retriedAt == clients ? " (second try)" : "");
            table.Add(target.Name, result.Clients, result.Rtt.P50, result.Rtt.P95, result.Rtt.P99, result.Delivery.P50, result.Delivery.P95,
                result.Delivery.P99, result.LastClient.P50, result.LastClient.Max, result.Lost, result.Duplicates, result.ServerCpuPerFrameUs, verdict);
            Log.Line($"{target.Name} {clients,6} clients: rtt p95 {result.Rtt.P95,7:0.0} ms, delivery p50 {result.Delivery.P50,7:0.0} p95 {result.Delivery.P95,7:0.0} " +
                     $"p99 {result.Delivery.P99,7:0.0} ms, last client p50 {result.LastClient.P50,7:0.0} ms, lost {result.Lost}, dup {result.Duplicates}, " +
                     $"failed sends {result.FailedSends}, ended {result.Ended}, server CPU {result.ServerCpuPerFrameUs:0.0} µs/frame ({result.Seconds:0.0} s)");
            if (!result.Passed)
            {
                var broken = result.Lost > 0 || result.FailedSends > 0 || result.Duplicates > 0 || result.Ended > 0;
                if (!broken && retriedAt != clients)
                {
                    retriedAt = clients;
                    clients -= step;
                    continue;
                }
                reason = broken
                    ? $"lost {result.Lost} deliveries, {result.FailedSends} failed sends, {result.Ended} sockets ended at {clients:N0} clients"
                    : $"p95 over {limit.TotalMilliseconds:0} ms at {clients:N0} clients, twice";
                break;
            }
            if (clients == maxClients) break;
            if (clients + step > maxClients) clients = maxClients - step;
        }
        Log.Line($"{target.Name}: stopped, {reason}");
        return new BroadcastRun(target.Name, steps, reason);
    }

    private async Task<BroadcastStep> StepAsync(IBroadcastTarget target, DeliveryTracker tracker, int clients, int seqBase, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var endedBefore = target.Ended;
        var cpuBefore = ServerCpuTime(target);
        tracker.BeginStep(seqBase, samples, clients);
        var rtts = new LatencyRecorder(samples);
        var next = -1;
        var failed = 0;
        async Task Broadcaster()
        {
            while (true)
            {
                var sample = Interlocked.Increment(ref next);
                if (sample >= samples) return;
                var seq = seqBase + sample;
                tracker.MarkSent(seq);
                var start = Stats.Now;
                bool ok;
                try
                {
                    ok = await target.BroadcastAsync(seq, ct);
                }
                catch (Exception e) when (e is HttpRequestException or TimeoutException or System.Net.WebSockets.WebSocketException or IOException)
                {
                    ok = false;
                }
                if (ok) rtts.Add(Stats.Now - start);
                else Interlocked.Increment(ref failed);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Broadcaster, ct)));

        // Everything sent: wait (bounded) for every client to have every broadcast.
        var drain = Stopwatch.StartNew();
        var patience = TimeSpan.FromMilliseconds(Math.Max(5000, limit.TotalMilliseconds * 4));
        while (tracker.Delivered < tracker.Expected && drain.Elapsed < patience && target.Ended == endedBefore)
            await Task.Delay(20, ct);
        if (tracker.Delivered < tracker.Expected && target.Ended != endedBefore)
            await Task.Delay(500, ct);

        double? cpuPerFrame = cpuBefore is { } before && tracker.Delivered > 0
            ? (ServerCpuTime(target)!.Value - before).TotalMicroseconds / tracker.Delivered
            : null;
        var delivery = tracker.Latencies();
        var rtt = Percentiles.Of(rtts.Sorted());
        var lost = tracker.Expected - tracker.Delivered;
        var ended = target.Ended - endedBefore;
        var passed = lost == 0 && failed == 0 && ended == 0 && tracker.Duplicates == 0
                     && rtt.P95 <= limit.TotalMilliseconds && delivery.P95 <= limit.TotalMilliseconds;
        return new BroadcastStep(clients, rtt, delivery, tracker.LastClient(), lost, tracker.Duplicates, failed, ended, passed, clock.Elapsed.TotalSeconds,
            cpuPerFrame);
    }

    private static TimeSpan? ServerCpuTime(IBroadcastTarget target) =>
        target.Servers.Count == 0 ? null : target.Servers.Aggregate(TimeSpan.Zero, (sum, server) => sum + server.CpuTime());

    public static StepTable NewTable(Report report, string title) => report.Table(title,
        "server", "clients", "rtt p50 ms", "rtt p95 ms", "rtt p99 ms", "delivery p50 ms", "delivery p95 ms", "delivery p99 ms",
        "last client p50 ms", "last client max ms", "lost", "dup", "server CPU µs/frame", "passed");
}
