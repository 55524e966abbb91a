using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace RtChat.Bench.Infrastructure;

/// <summary>
/// Induces a full, blocking GC in another .NET process and reads its managed heap size after it (the runtime's
/// GCHeapStats event), over the diagnostics IPC channel, as dotnet-gcdump does: no code in the server under test.
/// </summary>
public static class HeapProbe
{
    public sealed record Heap(long TotalBytes, long Gen0, long Gen1, long Gen2, long Loh, long Poh);

    private const long GcHeapDump = 0x100000, TypeEvents = 0x80000, GcHeapAndTypeNames = 0x1000000;
    private const ulong LargeObject = 1024;
    private const long GcKeywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);

    public static async Task<Heap> FullGcAsync(int pid, TimeSpan patience)
    {
        Heap? heap = null;
        await InducedFullGcAsync(pid, EventLevel.Informational, GcKeywords, patience, (source, induced) =>
            source.Clr.GCHeapStats += e =>
            {
                if (!induced()) return;
                var poh = e.GenerationSize4;
                heap ??= new Heap(
                    e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + poh,
                    e.GenerationSize0, e.GenerationSize1, e.GenerationSize2, e.GenerationSize3, poh);
            });
        return heap!;
    }

    /// <summary>
    /// Live objects by type after an induced full GC (the runtime's heap dump events, as dotnet-gcdump collects them):
    /// type name → (count, bytes). For finding what a socket keeps alive: diff two histograms.
    /// </summary>
    public static async Task<Dictionary<string, (long Count, long Bytes)>> HistogramAsync(int pid, TimeSpan patience)
    {
        var names = new Dictionary<ulong, string>();
        var sizes = new Dictionary<ulong, (long Count, long Bytes)>();
        var large = new Dictionary<(ulong Type, long Size), long>();
        await InducedFullGcAsync(pid, EventLevel.Verbose, GcKeywords | GcHeapDump | TypeEvents | GcHeapAndTypeNames, patience, (source, induced) =>
        {
            source.Clr.TypeBulkType += e =>
            {
                for (var i = 0; i < e.Count; i++)
                {
                    var type = e.Values(i);
                    names[type.TypeID] = type.TypeName;
                }
            };
            source.Clr.GCBulkNode += e =>
            {
                if (!induced()) return;
                for (var i = 0; i < e.Count; i++)
                {
                    var node = e.Values(i);
                    sizes.TryGetValue(node.TypeID, out var sum);
                    sizes[node.TypeID] = (sum.Count + 1, sum.Bytes + (long)node.Size);
                    if (node.Size < LargeObject) continue;
                    large.TryGetValue((node.TypeID, (long)node.Size), out var count);
                    large[(node.TypeID, (long)node.Size)] = count + 1;
                }
            };
        }, trailing: TimeSpan.FromSeconds(1)); // the type names trail the nodes a little
        string NameOf(ulong id) => names.TryGetValue(id, out var n) ? n : $"type 0x{id:x}";
        var histogram = new Dictionary<string, (long Count, long Bytes)>();
        foreach (var (id, (count, bytes)) in sizes)
        {
            histogram.TryGetValue(NameOf(id), out var sum);
            histogram[NameOf(id)] = (sum.Count + count, sum.Bytes + bytes);
        }
        // Objects of 1 KB and more are also listed by exact size: a type's total hides whether it is one buffer each or a pool's blocks.
        foreach (var ((id, size), count) in large)
            histogram[$"{NameOf(id)} of {size:N0} B"] = (count, count * size);
        return histogram;
    }

    /// <summary>
    /// Opens an EventPipe session with the CLR provider (GCHeapCollect makes the runtime run a full blocking GC),
    /// lets <paramref name="subscribe"/> attach its handlers — told whether the induced GC has started — and returns
    /// once that GC's GCHeapStats arrived (plus <paramref name="trailing"/>), the session stopped.
    /// </summary>
    private static async Task InducedFullGcAsync(int pid, EventLevel level, long keywords, TimeSpan patience,
        Action<TraceEventSource, Func<bool>> subscribe, TimeSpan trailing = default)
    {
        var client = new DiagnosticsClient(pid);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider(ClrTraceEventParser.ProviderName, level, keywords)], requestRundown: false);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processing = Task.Run(() =>
        {
            using var source = new EventPipeEventSource(session.EventStream);
            var induced = false;
            source.Clr.GCStart += e =>
            {
                if (e.Reason == GCReason.Induced && e.Depth == 2) induced = true;
            };
            subscribe(source, () => induced);
            // Attached after the caller's handlers, so theirs see this event first.
            source.Clr.GCHeapStats += _ =>
            {
                if (induced) done.TrySetResult();
            };
            try
            {
                source.Process();
            }
            catch (Exception e) when (!done.Task.IsCompleted)
            {
                done.TrySetException(e);
            }
        });
        try
        {
            await done.Task.WaitAsync(patience);
            if (trailing > TimeSpan.Zero) await Task.Delay(trailing);
        }
        finally
        {
            try
            {
                await session.StopAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException) { }
            await processing.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
