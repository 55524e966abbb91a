using System.Diagnostics;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Scenarios;

/// <summary>
/// <c>throughput</c>: group rooms × clients each, messages posted at a stepped open-loop rate spread over the rooms and
/// their members (<see cref="ThroughputSession"/>), to the app through Send and, each rate in turn, to the bare
/// reference (<c>throughput-server</c>: the same rows committed in the same batches and broadcast, without the app).
/// The figure is each server's highest passing step; the headline is their ratio, which carries from one machine to
/// the next where the absolute rate does not.
/// </summary>
public static class ThroughputScenario
{
    public static async Task RunAsync(Args args, Report report, CancellationToken ct)
    {
        var settings = ThroughputSettings.From(args);
        var layout = settings.Layout;
        report.Details["method"] = $"{layout.Rooms} group rooms × {layout.PerRoom} clients ({layout.Clients} sockets, {layout.Users} users), open-loop posts at " +
                                   $"each rate for {settings.StepSeconds:0.#} s (at most {settings.MaxInFlight} in flight), rooms and authors round-robin; " +
                                   $"pass = all committed, all delivered once to every client of the room, p99 < {settings.P99Limit:0} ms, " +
                                   "≥ 95% of the rate achieved; both servers up side by side, each rate taken by the app, then by the reference";
        report.Details["rooms"] = "app: created by the bench in the app's SQLite file (Rooms, Memberships), the app unchanged";
        report.Details["reference"] = "throughput-server: a form post per message into MessageCommitter's batching (same queue, batch limit, one " +
                                      "transaction a batch) inserting into the app's Messages schema (WAL, synchronous=NORMAL, foreign keys), " +
                                      "read back with the author's name, one frame of the app's size per message to the room's sockets; 204 after";
        var table = report.Table("Steps (each rate: the app, then the reference)", "server", "offered msg/s", "posted", "committed", "failed posts",
            "delivered", "lost", "dup", "achieved msg/s", "post p99 ms", "delivery p50 ms", "delivery p95 ms", "delivery p99 ms", "server CPU µs/msg", "passed");

        // Both servers run side by side and take each rate in turn, so a change in this shared machine's load lands on
        // both figures alike instead of on whichever was measured in that minute.
        var work = Program.WorkDir("throughput");
        await using var appServer = await ServerProcess.StartAppAsync(work);
        using var app = new ThroughputSession(await AppThroughputTarget.CreateAsync(appServer, work, layout, ct), settings, table);
        await app.ConnectAsync(ct);
        await app.WarmUpAsync(ct);

        // The reference's frames are the size of the app's message frames, as fan-out pads the bare broadcast to them.
        var frameBytes = app.Run.FrameBytes > 0 ? app.Run.FrameBytes : 800;
        report.Details["message frame bytes (app, reference padded to it)"] = frameBytes;
        var referenceWork = Program.WorkDir("throughput-reference");
        var maxSeconds = (int)(settings.Budget.TotalSeconds + 2 * settings.Rates.Count * (settings.StepSeconds + 10) + 300);
        await using var referenceServer = await ServerProcess.StartThroughputReferenceAsync(referenceWork, maxSeconds, layout.Rooms, layout.Users, frameBytes);
        using var reference = new ThroughputSession(new ReferenceThroughputTarget(referenceServer, referenceWork, layout), settings, table);
        await reference.ConnectAsync(ct);
        await reference.WarmUpAsync(ct);

        var clock = Stopwatch.StartNew();
        foreach (var rate in settings.Rates)
        {
            var going = new[] { app, reference }.Where(s => s.Going).ToList();
            if (going.Count == 0) break;
            if (clock.Elapsed > settings.Budget)
            {
                Log.Line("Time budget spent");
                break;
            }
            foreach (var session in going) await session.StepAsync(rate, ct);
        }

        AddFigures(report, app.Run, reference.Run, settings);
        foreach (var run in new[] { app.Run, reference.Run })
        {
            report.Check($"{run.Server}: the warm-up step lost nothing", run.Warm is { Lost: 0, Duplicates: 0, Failed: 0 }, run.Warm.Why);
            if (args.Smoke)
                report.Check($"{run.Server}: every posted message was committed and reached every client of its room exactly once",
                    run.Steps.Count == settings.Rates.Count && run.CountedEverything, string.Join("; ", run.Steps.Select(s => $"{s.Rate}/s: {s.Why}")));
        }
    }

    private static void AddFigures(Report report, ThroughputRun app, ThroughputRun reference, ThroughputSettings settings)
    {
        var best = app.Best;
        var referenceBest = reference.Best;
        // A step passes only with every message persisted and delivered and ≥ 95% of its rate achieved, so the offered
        // rate is what passed (an open-loop sender lands a few messages past the step's end).
        var note = $"the ratio is the headline; offered: app {Offered(best)}, reference {Offered(referenceBest)}";
        if (referenceBest is not null && referenceBest.Rate == settings.Rates[^1])
            note += " (the reference passed the highest rate asked: its figure is a floor, the ratio a ceiling)";
        report.Add(new Figure($"messages/s persisted and delivered (p99 < {settings.P99Limit:0} ms, zero loss), app / reference", best?.Achieved ?? 0, "msg/s",
            referenceBest?.Achieved ?? 0, "bare server: same rows, batches, broadcasts", Target: "≥ 2,000 msg/s", Met: best is { Rate: >= 2000 }, Note: note));
        if (best is not null)
        {
            var same = reference.At(best.Rate);
            report.Add(new Figure("delivery p99 at the app's rate", best.Latency.P99, "ms", same?.Latency.P99, "reference at that rate",
                $"< {settings.P99Limit:0} ms", best.Latency.P99 < settings.P99Limit));
            report.Add(new Figure("post → 204 p99 at the app's rate", best.Post.P99, "ms", same?.Post.P99, "reference at that rate"));
            report.Add(new Figure("server CPU per message at the app's rate", best.CpuPerMessage, "µs", same?.CpuPerMessage, "reference at that rate"));
            report.Add(new Figure("deliveries at that rate (messages × room clients)", best.Delivered, "count"));
        }
        // CPU per message moves less with the load of the shared cores than the highest passing rate does, and every run
        // has it: both servers always take the first step.
        if (app.Steps.FirstOrDefault() is { } first)
            report.Add(new Figure($"server CPU per message at the first step ({first.Rate:N0} msg/s)", app.At(first.Rate)!.CpuPerMessage, "µs",
                reference.At(first.Rate)?.CpuPerMessage, "reference"));
        report.Add(new Figure($"server CPU while idle for {settings.IdleSeconds:0.#} s after the warm-up (sockets open, nothing posted)",
            app.IdleCores * 100, "% of a core", reference.IdleCores * 100, "reference"));
        var last = app.Steps.LastOrDefault();
        report.Add(new Figure("lost deliveries, all steps", app.Steps.Sum(s => s.Lost), "count", reference.Steps.Sum(s => s.Lost), "reference", "0",
            app.Steps.Where(s => s.Passed || s == last).All(s => s.Lost == 0), "a failing step's loss, if any, is what stopped it"));
        report.Add(new Figure("duplicate deliveries, all steps", app.Steps.Sum(s => s.Duplicates), "count", reference.Steps.Sum(s => s.Duplicates), "reference",
            "0", app.Steps.All(s => s.Duplicates == 0)));
    }

    private static string Offered(ThroughputStep? best) => best is null ? "no step passed" : $"{best.Rate:N0} msg/s";
}
