using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using RtChat.Bench.Clients;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Scenarios;

/// <summary>Reads the numbers the bench puts in messages back out of frames, without parsing HTML or JSON.</summary>
public static class FrameText
{
    /// <summary>The marker around a bench message's sequence number in its body: <c>zq123qz</c>.</summary>
    public static string Body(int seq) => $"zq{seq}qz";

    public static bool TryBenchSeq(ReadOnlySpan<byte> frame, out int seq)
    {
        seq = 0;
        var at = frame.IndexOf("zq"u8);
        return at >= 0 && Utf8Parser.TryParse(frame[(at + 2)..], out seq, out var used) && used > 0;
    }

    /// <summary>The message id in <c>data-message-id="123"</c>, if the frame carries one.</summary>
    public static bool TryMessageId(ReadOnlySpan<byte> frame, out long id)
    {
        id = 0;
        var at = frame.IndexOf("data-message-id=\""u8);
        return at >= 0 && Utf8Parser.TryParse(frame[(at + 17)..], out id, out var used) && used > 0;
    }

    public static bool TrySendTime(ReadOnlySpan<byte> frame, out int seq)
    {
        seq = 0;
        var at = frame.IndexOf("\"sendTime\":\""u8);
        return at >= 0 && Utf8Parser.TryParse(frame[(at + 12)..], out seq, out var used) && used > 0;
    }
}

/// <summary>
/// The app at <paramref name="site"/> (one node, or nginx in front of <paramref name="nodes"/>): N signed-in sockets in
/// one room (users reused round-robin), broadcasts posted through the Send handler.
/// </summary>
public sealed class AppTarget(Uri site, IReadOnlyList<ServerProcess> nodes, IReadOnlyList<AppUser> users, string room) : IBroadcastTarget
{
    public IReadOnlyList<ServerProcess> Servers => nodes;

    private readonly List<BenchSocket> _sockets = [];
    private int _frameBytes;

    public string Name => "app";
    public int Clients => _sockets.Count;
    public int Ended => _sockets.Count(s => s.Ended);

    /// <summary>The size of one message frame as the app sends it (bytes).</summary>
    public int MessageFrameBytes => Volatile.Read(ref _frameBytes);

    public async Task GrowAsync(int total, DeliveryTracker tracker, CancellationToken ct)
    {
        var start = _sockets.Count;
        var added = new BenchSocket[total - start];
        var resume = Encoding.UTF8.GetBytes($$"""{"after":{{tracker.MaxMessageId}}}""");
        var uri = ServerProcess.SocketAddress(site, AppUser.SocketPath(room));
        await Parallel.ForEachAsync(Enumerable.Range(start, total - start), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (i, token) =>
            {
                var user = users[i % users.Count];
                var socket = await BenchSocket.ConnectAsync(uri, i, (s, frame) => OnFrame(tracker, s, frame), user.CookieHeader, user.Origin, token);
                await socket.SendTextAsync(resume, token);
                added[i - start] = socket;
            });
        _sockets.AddRange(added);
    }

    private void OnFrame(DeliveryTracker tracker, BenchSocket socket, ReadOnlySpan<byte> frame)
    {
        if (!FrameText.TryMessageId(frame, out var id)) return;
        tracker.SawMessageId(id);
        if (!FrameText.TryBenchSeq(frame, out var seq)) return;
        if (_frameBytes == 0) _frameBytes = frame.Length;
        tracker.Deliver(socket.Index, seq);
    }

    public async Task<bool> BroadcastAsync(int seq, CancellationToken ct)
    {
        var user = users[Random.Shared.Next(users.Count)];
        return await user.SendAsync(room, FrameText.Body(seq), ct) == HttpStatusCode.NoContent;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _sockets) socket.Abort();
        await Task.WhenAll(_sockets.Select(s => s.CloseAsync(TimeSpan.FromSeconds(1))));
        _sockets.Clear();
    }
}

/// <summary>Any server speaking the websocket-shootout protocol: broadcasts sent by a random client, timed to its broadcastResult.</summary>
public sealed class ShootoutTarget(Uri uri, int padding, ServerProcess? server, string name = "limit") : IBroadcastTarget
{
    public IReadOnlyList<ServerProcess> Servers => server is null ? [] : [server];

    private readonly List<BenchSocket> _sockets = [];
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _results = new();
    private readonly string _padding = new('x', Math.Max(0, padding));

    public string Name => name;
    public int Clients => _sockets.Count;
    public int Ended => _sockets.Count(s => s.Ended);

    public async Task GrowAsync(int total, DeliveryTracker tracker, CancellationToken ct)
    {
        var start = _sockets.Count;
        var added = new BenchSocket[total - start];
        await Parallel.ForEachAsync(Enumerable.Range(start, total - start), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (i, token) => added[i - start] = await BenchSocket.ConnectAsync(uri, i, (s, frame) => OnFrame(tracker, s, frame), null, null, token));
        _sockets.AddRange(added);
    }

    private void OnFrame(DeliveryTracker tracker, BenchSocket socket, ReadOnlySpan<byte> frame)
    {
        if (!FrameText.TrySendTime(frame, out var seq)) return;
        if (frame.IndexOf("broadcastResult"u8) >= 0)
        {
            if (_results.TryRemove(seq, out var done)) done.TrySetResult();
        }
        else if (frame.IndexOf("\"broadcast\""u8) >= 0)
        {
            tracker.Deliver(socket.Index, seq);
        }
    }

    public async Task<bool> BroadcastAsync(int seq, CancellationToken ct)
    {
        var sender = _sockets[Random.Shared.Next(_sockets.Count)];
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _results[seq] = done;
        var message = Encoding.UTF8.GetBytes($$$"""{"type":"broadcast","payload":{"sendTime":"{{{seq}}}","padding":"{{{_padding}}}"}}""");
        await sender.SendTextAsync(message, ct);
        try
        {
            await done.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            return true;
        }
        catch (TimeoutException)
        {
            _results.TryRemove(seq, out _);
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _sockets) socket.Abort();
        await Task.WhenAll(_sockets.Select(s => s.CloseAsync(TimeSpan.FromSeconds(1))));
        _sockets.Clear();
    }
}
