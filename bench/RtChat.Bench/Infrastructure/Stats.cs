using System.Diagnostics;

namespace RtChat.Bench.Infrastructure;

/// <summary>Stopwatch ticks ↔ milliseconds, and percentiles (nearest rank) of a set of durations.</summary>
public static class Stats
{
    public static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    public static long Now => Stopwatch.GetTimestamp();

    /// <summary>The p-th percentile (0–100) of <paramref name="sorted"/> in ms; NaN when empty.</summary>
    public static double Percentile(ReadOnlySpan<long> sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return Ms(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>Durations recorded from many threads into a fixed array (no locks, no allocation per value).</summary>
public sealed class LatencyRecorder(int capacity)
{
    private readonly long[] _values = new long[Math.Max(1, capacity)];
    private int _count;

    /// <summary>Values past the capacity are counted but not kept.</summary>
    public int Count => Math.Min(Volatile.Read(ref _count), _values.Length);

    public void Add(long ticks)
    {
        var at = Interlocked.Increment(ref _count) - 1;
        if (at < _values.Length) _values[at] = ticks;
    }

    public long[] Sorted()
    {
        var copy = _values.AsSpan(0, Count).ToArray();
        Array.Sort(copy);
        return copy;
    }
}

/// <summary>p50/p95/p99/max of one set, in ms.</summary>
public sealed record Percentiles(double P50, double P95, double P99, double Max, int Count)
{
    public static Percentiles Of(long[] sorted) => new(
        Stats.Percentile(sorted, 50), Stats.Percentile(sorted, 95), Stats.Percentile(sorted, 99),
        sorted.Length == 0 ? double.NaN : Stats.Ms(sorted[^1]), sorted.Length);

    public static Percentiles Of(IReadOnlyList<double> ms) => new(
        Stats.Percentile(ms, 50), Stats.Percentile(ms, 95), Stats.Percentile(ms, 99), ms.Count == 0 ? double.NaN : ms.Max(), ms.Count);
}
