using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Scenarios;

/// <summary>
/// Per client, which of its room's messages it has (a bit each): message k of a step goes to room k % rooms, so a
/// client's bits are indexed k / rooms. Each client's bits are written by its own reader only.
/// </summary>
internal sealed class ThroughputDeliveries(int rooms, int perRoom)
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
    private int _frameBytes;

    public long Delivered => Interlocked.Read(ref _delivered);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long Strays => Interlocked.Read(ref _strays);
    public long Expected => _committed.Count(c => c) * (long)perRoom;
    public long LastArrival => Interlocked.Read(ref _lastArrival);
    public long FirstSent => _sentAt.Length > 0 ? _sentAt[0] : 0;

    /// <summary>The size of the largest message frame seen (bytes): what the reference's frames are padded to.</summary>
    public int FrameBytes => Volatile.Read(ref _frameBytes);

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
        if (frame.Length > Volatile.Read(ref _frameBytes)) Volatile.Write(ref _frameBytes, frame.Length);
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
