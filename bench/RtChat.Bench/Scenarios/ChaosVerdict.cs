using System.Globalization;
using RtChat.Bench.Clients;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Scenarios;

/// <summary>The chaos run's figures and checks: each page against its room's messages in the database.</summary>
public static class ChaosVerdict
{
    public static void Report(Report report, IReadOnlyList<ChaosPage> pages, List<string> rooms,
        IReadOnlyList<IReadOnlyList<(long Id, string Body)>> committed, Posts posts, FaultLog faults, TimeSpan settled)
    {
        var lost = new List<(ChaosPage Page, long Id)>();
        var strays = new List<(ChaosPage Page, long Id)>();
        foreach (var page in pages)
        {
            var room = committed[rooms.IndexOf(page.Room)];
            var ids = room.Select(m => m.Id).ToHashSet();
            var shown = page.Shown;
            lost.AddRange(room.Where(m => !shown.Contains(m.Id)).Select(m => (page, m.Id)));
            strays.AddRange(shown.Where(id => !ids.Contains(id)).Select(id => (page, id)));
        }
        var bodies = committed.SelectMany(r => r.Select(m => m.Body)).ToHashSet(StringComparer.Ordinal);
        var acceptedNotCommitted = posts.AcceptedBodies.Count(b => !bodies.Contains(b));
        var failedButCommitted = posts.Failed.Count(f => bodies.Contains(f.Body));
        var catchUps = pages.SelectMany(p => p.CatchUps.Select(c => c.Ms)).ToList();
        var longest = pages.SelectMany(p => p.CatchUps).DefaultIfEmpty((Opened: Stats.Now, Ms: double.NaN)).MaxBy(c => c.Ms);
        var unfinished = pages.Sum(p => p.CatchUpsUnfinished);
        var duplicates = pages.Sum(p => p.Duplicates);
        var reloads = pages.Sum(p => p.Reloads);
        var gaveUp = pages.Where(p => p.GaveUp is not null).ToList();
        var messages = committed.Sum(r => r.Count);

        report.Add(new Figure("lost: committed, not shown at the end (page × message)", lost.Count, "count", Target: "0", Met: lost.Count == 0,
            Note: lost.Count == 0 ? null : $"{lost.Select(l => l.Id).Distinct().Count()} distinct messages"));
        report.Add(new Figure("duplicated: shown twice", duplicates, "count", Target: "0", Met: duplicates == 0));
        report.Add(new Figure("strays: shown, not in the database", strays.Count, "count", Target: "0", Met: strays.Count == 0));
        report.Add(new Figure("reloads (a resume past the limit)", reloads, "count", Target: "0", Met: reloads == 0));
        report.Add(new Figure("longest catch-up after a reconnect", longest.Ms, "ms",
            Note: $"opened {faults.SecondsIntoRun(longest.Opened):0.0} s into the run; p50 {Stats.Percentile(catchUps, 50):0} ms, p95 {Stats.Percentile(catchUps, 95):0} ms over {catchUps.Count} reconnects" +
                  (unfinished > 0 ? $"; {unfinished} never caught up" : "")));
        report.Add(new Figure("messages committed", messages, "count", Note: $"{posts.Ok} posts answered 204"));
        report.Add(new Figure("failed posts (not retried)", posts.Failed.Count, "count",
            Note: posts.Failed.Count == 0 ? null : $"{failedButCommitted} committed anyway; " +
                  string.Join(", ", posts.Failed.CountBy(f => f.Why).Select(p => $"{p.Value} {p.Key}"))));
        report.Add(new Figure("wire repeats (frames for a message shown, skipped)", pages.Sum(p => p.WireRepeats), "count"));
        report.Add(new Figure("out-of-order arrivals (placed by id)", pages.Sum(p => p.OutOfOrder), "count"));
        report.Add(new Figure("reconnects", pages.Sum(p => p.Reconnects), "count",
            Note: $"{pages.Sum(p => p.Kills)} sockets cut by the run, {pages.Sum(p => p.FailedOpens)} failed opens"));
        report.Add(new Figure("time to settle after the last post", settled.TotalSeconds, "s"));

        if (lost.Count > 0)
            report.Details["lost (first 50: user, room, message id)"] = lost.Take(50)
                .Select(l => $"{l.Page.User.Username} {l.Page.Room} {l.Id.ToString(CultureInfo.InvariantCulture)}").ToList();
        foreach (var page in lost.Select(l => l.Page).Distinct().Take(5))
            report.Details[$"socket trace of {page.User.Username} (seconds into the run)"] =
                page.Trace.Select(t => $"{faults.SecondsIntoRun(t.At):0.0} s: {t.What}").ToList();
        if (strays.Count > 0)
            report.Details["strays (first 50)"] = strays.Take(50).Select(s => $"{s.Page.User.Username} {s.Page.Room} {s.Id}").ToList();
        if (posts.Failed.Count > 0)
            report.Details["failed posts (first 50)"] = posts.Failed.Take(50).Select(f => $"{f.Body}: {f.Why}{(bodies.Contains(f.Body) ? " (committed)" : "")}").ToList();

        report.Check("every committed message reached every page of its room", lost.Count == 0,
            $"{lost.Count} lost ({lost.Select(l => l.Id).Distinct().Count()} messages) of {pages.Sum(p => committed[rooms.IndexOf(p.Room)].Count)}");
        report.Check("no page showed a message twice or one not in the database", duplicates == 0 && strays.Count == 0,
            $"{duplicates} duplicated, {strays.Count} strays");
        report.Check("no page had to reload", reloads == 0, $"{reloads} reloads");
        report.Check("messages were committed", messages > 0, $"{messages}");
        report.Check("every post answered 204 was committed", acceptedNotCommitted == 0, $"{acceptedNotCommitted} missing from the database");
        report.Check("no page stopped reconnecting", gaveUp.Count == 0,
            string.Join("; ", gaveUp.Select(p => $"{p.User.Username}: {p.GaveUp}")));
        report.Check("the pages reconnected (sockets were cut)", catchUps.Count + unfinished > 0, $"{catchUps.Count + unfinished} reconnects");
    }
}
