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

    public static async Task<Heap> FullGcAsync(int pid, TimeSpan patience)
    {
        var client = new DiagnosticsClient(pid);
        var providers = new[]
        {
            new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Informational,
                (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect)),
        };
        using var session = client.StartEventPipeSession(providers, requestRundown: false);
        var result = new TaskCompletionSource<Heap>(TaskCreationOptions.RunContinuationsAsynchronously);
        var processing = Task.Run(() =>
        {
            using var source = new EventPipeEventSource(session.EventStream);
            var induced = false;
            source.Clr.GCStart += e =>
            {
                if (e.Reason == GCReason.Induced && e.Depth == 2) induced = true;
            };
            source.Clr.GCHeapStats += e =>
            {
                if (!induced) return;
                var poh = e.GenerationSize4;
                result.TrySetResult(new Heap(
                    e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + poh,
                    e.GenerationSize0, e.GenerationSize1, e.GenerationSize2, e.GenerationSize3, poh));
            };
            try
            {
                source.Process();
            }
            catch (Exception e) when (!result.Task.IsCompleted)
            {
                result.TrySetException(e);
            }
        });
        try
        {
            return await result.Task.WaitAsync(patience);
        }
        finally
        {
            try
            {
                await session.StopAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException) { }
            await processing.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Live objects by type after an induced full GC (the runtime's heap dump events, as dotnet-gcdump collects them):
    /// type name → (count, bytes). For finding what a socket keeps alive: diff two histograms.
    /// </summary>
    private const ulong LargeObject = 1024;

    public static async Task<Dictionary<string, (long Count, long Bytes)>> HistogramAsync(int pid, TimeSpan patience)
    {
        const long GcHeapDump = 0x100000, Type = 0x80000, GcHeapAndTypeNames = 0x1000000;
        var client = new DiagnosticsClient(pid);
        var providers = new[]
        {
            new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Verbose,
                (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect) | GcHeapDump | Type | GcHeapAndTypeNames),
        };
        var names = new Dictionary<ulong, string>();
        var sizes = new Dictionary<ulong, (long Count, long Bytes)>();
        var large = new Dictionary<(ulong Type, long Size), long>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var session = client.StartEventPipeSession(providers, requestRundown: false);
        var processing = Task.Run(() =>
        {
            using var source = new EventPipeEventSource(session.EventStream);
            var induced = false;
            source.Clr.GCStart += e =>
            {
                if (e.Reason == GCReason.Induced && e.Depth == 2) induced = true;
            };
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
                if (!induced) return;
                for (var i = 0; i < e.Count; i++)
                {
                    var node = e.Values(i);
                    sizes.TryGetValue(node.TypeID, out var sum);
                    sizes[node.TypeID] = (sum.Count + 1, sum.Bytes + (long)node.Size);
                    if (node.Size >= LargeObject)
                    {
                        large.TryGetValue((node.TypeID, (long)node.Size), out var count);
                        large[(node.TypeID, (long)node.Size)] = count + 1;
                    }
                }
            };
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
            await Task.Delay(1000); // the type names trail the nodes a little
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
        var histogram = new Dictionary<string, (long Count, long Bytes)>();
        foreach (var (id, (count, bytes)) in sizes)
        {
            var name = names.TryGetValue(id, out var n) ? n : $"type 0x{id:x}";
            histogram.TryGetValue(name, out var sum);
            histogram[name] = (sum.Count + count, sum.Bytes + bytes);
        }
        // Objects of 1 KB and more are also listed by exact size: a type's total hides whether it is one buffer each or a pool's blocks.
        foreach (var ((id, size), count) in large)
        {
            var name = $"{(names.TryGetValue(id, out var n) ? n : $"type 0x{id:x}")} of {size:N0} B";
            histogram[name] = (count, count * size);
        }
        return histogram;
    }
}
