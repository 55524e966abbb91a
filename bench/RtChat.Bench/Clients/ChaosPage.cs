using System.Buffers.Text;
using System.Net.WebSockets;
using System.Text;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Clients;

/// <summary>
/// A room's page in a browser, run as chat.js and the htmx ws extension run it: on every open it says the newest message
/// id it shows; after a drop (1006, or a close with 1011–1013) it opens again after a full-jitter delay; it skips a
/// message it already shows and places each by id; on the server's reload notice it loads the room page again. It counts
/// what the wire did (repeats, out-of-order arrivals) beside what the reader sees.
/// </summary>
/// <param name="committed">The ids committed in the page's room (from the database): what a catch-up must reach.</param>
public sealed class ChaosPage(AppUser user, string room, int index, Func<IReadOnlyList<long>> committed)
{
    private static readonly int[] ReconnectCloseCodes = [1011, 1012, 1013];
    private readonly Lock _gate = new();
    private readonly HashSet<long> _shown = [];
    private readonly List<(long Opened, HashSet<long> Missing)> _catchingUp = [];
    private readonly List<(long Opened, double Ms)> _catchUps = [];
    private readonly List<(long At, string What)> _trace = [];
    private long _newest;
    private BenchSocket? _socket;
    private volatile bool _reloadAsked;
    private int _wireRepeats, _outOfOrder, _duplicates, _reloads, _reconnects, _failedOpens, _kills;

    public AppUser User => user;
    public string Room => room;
    public int WireRepeats => Volatile.Read(ref _wireRepeats);
    public int OutOfOrder => Volatile.Read(ref _outOfOrder);
    public int Duplicates => Volatile.Read(ref _duplicates);
    public int Reloads => Volatile.Read(ref _reloads);
    public int Reconnects => Volatile.Read(ref _reconnects);
    public int FailedOpens => Volatile.Read(ref _failedOpens);
    public int Kills => Volatile.Read(ref _kills);

    /// <summary>Why the page stopped reconnecting (a close a real page does not reconnect on), if it did.</summary>
    public string? GaveUp { get; private set; }

    public bool IsOpen => _socket is { Ended: false };

    public IReadOnlySet<long> Shown
    {
        get { lock (_gate) return _shown.ToHashSet(); }
    }

    /// <summary>The page's socket opens (with the id it resumed after) and ends, for a loss to be traced.</summary>
    public IReadOnlyList<(long At, string What)> Trace
    {
        get { lock (_gate) return _trace.ToList(); }
    }

    /// <summary>Each finished catch-up: when its socket opened (<see cref="Stats.Now"/>) and how long it took.</summary>
    public IReadOnlyList<(long Opened, double Ms)> CatchUps
    {
        get { lock (_gate) return _catchUps.ToList(); }
    }

    /// <summary>Catch-ups (one per reconnect) still missing something they should have.</summary>
    public int CatchUpsUnfinished
    {
        get { lock (_gate) return _catchingUp.Count; }
    }

    /// <summary>Opens, reopens after every drop, until <paramref name="stop"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var retry = 0;
        var first = true;
        while (!stop.IsCancellationRequested)
        {
            BenchSocket socket;
            try
            {
                socket = await BenchSocket.ConnectAsync(ServerProcess.SocketAddress(user.BaseAddress, AppUser.SocketPath(room)), index,
                    OnFrame, user.CookieHeader, user.Origin, stop);
            }
            catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException or OperationCanceledException)
            {
                if (stop.IsCancellationRequested) break;
                Interlocked.Increment(ref _failedOpens);
                await ReconnectDelayAsync(retry++, stop);
                continue;
            }
            retry = 0;
            _socket = socket;
            var opened = Stats.Now;
            var after = Newest;
            Note(opened, $"opened, after {after}");
            try
            {
                await socket.SendTextAsync(Encoding.UTF8.GetBytes($$"""{"after":{{after}}}"""), stop);
            }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException) { }
            if (!first)
            {
                Interlocked.Increment(ref _reconnects);
                StartCatchUp(opened);
            }
            first = false;
            try
            {
                await socket.Completion.WaitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            Note(Stats.Now, $"ended ({socket.CloseStatus?.ToString() ?? socket.Failure?.GetType().Name ?? "cut"}), newest {Newest}");
            if (_reloadAsked)
            {
                if (await ReloadAsync(stop)) continue;
                return;
            }
            if (socket.CloseStatus is { } status && !ReconnectCloseCodes.Contains((int)status))
            {
                GaveUp = $"closed by the server with {(int)status} {socket.CloseStatus}";
                return;
            }
            await ReconnectDelayAsync(retry++, stop);
        }
    }

    /// <summary>Cuts the socket as a lost connection would; false when it is not open.</summary>
    public bool KillSocket()
    {
        if (_socket is not { Ended: false } socket) return false;
        Interlocked.Increment(ref _kills);
        socket.Abort();
        return true;
    }

    public void Close() => _socket?.Abort();

    private long Newest
    {
        get { lock (_gate) return _newest; }
    }

    /// <summary>htmx's "full-jitter": 0 to 1 s × 2^min(retry, 6).</summary>
    private void Note(long at, string what)
    {
        lock (_gate) _trace.Add((at, what));
    }

    private static async Task ReconnectDelayAsync(int retry, CancellationToken stop)
    {
        var delay = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * 1000 * Math.Pow(2, Math.Min(retry, 6)));
        try
        {
            await Task.Delay(delay, stop);
        }
        catch (OperationCanceledException) { }
    }

    private void StartCatchUp(long opened)
    {
        var ids = committed();
        lock (_gate)
        {
            var missing = ids.Where(id => !_shown.Contains(id)).ToHashSet();
            if (missing.Count == 0) _catchUps.Add((opened, Stats.Ms(Stats.Now - opened)));
            else _catchingUp.Add((opened, missing));
        }
    }

    /// <summary>
    /// What location.reload() gives the reader: the room page's messages, then a new socket at once. A reload that does
    /// not get the page (a redirect to sign in, an error page) ends this page: false.
    /// </summary>
    private async Task<bool> ReloadAsync(CancellationToken stop)
    {
        _reloadAsked = false;
        Interlocked.Increment(ref _reloads);
        try
        {
            var page = await user.GetStringAsync(AppUser.RoomPath(room), stop);
            Show(Encoding.UTF8.GetBytes(page), Stats.Now);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or OperationCanceledException)
        {
            GaveUp = $"reloading failed: {e.Message}";
            return false;
        }
    }

    private void OnFrame(BenchSocket socket, ReadOnlySpan<byte> frame)
    {
        if (frame.IndexOf("location.reload()"u8) >= 0)
        {
            _reloadAsked = true;
            socket.Abort();
            return;
        }
        Show(frame, Stats.Now);
    }

    private void Show(ReadOnlySpan<byte> html, long now)
    {
        var arrived = MessageIds(html);
        if (arrived.Count == 0) return;
        lock (_gate)
        {
            var added = new List<long>(arrived.Count);
            foreach (var id in arrived)
            {
                // The page drops a fragment's message whose id the document already has; two copies in one fragment both land.
                if (_shown.Contains(id))
                {
                    if (added.Contains(id)) _duplicates++;
                    else _wireRepeats++;
                    continue;
                }
                if (id < _newest) _outOfOrder++;
                _shown.Add(id);
                _newest = Math.Max(_newest, id);
                added.Add(id);
            }
            for (var i = _catchingUp.Count - 1; i >= 0; i--)
            {
                var (opened, missing) = _catchingUp[i];
                missing.ExceptWith(added);
                if (missing.Count > 0) continue;
                _catchUps.Add((opened, Stats.Ms(now - opened)));
                _catchingUp.RemoveAt(i);
            }
        }
    }

    /// <summary>The ids of the messages (<c>&lt;article id="message-N"</c>) in a frame or a page, in document order.</summary>
    private static List<long> MessageIds(ReadOnlySpan<byte> html)
    {
        var ids = new List<long>();
        var marker = "<article id=\"message-"u8;
        for (var at = html.IndexOf(marker); at >= 0; at = html.IndexOf(marker))
        {
            html = html[(at + marker.Length)..];
            if (Utf8Parser.TryParse(html, out long id, out var used) && used > 0) ids.Add(id);
        }
        return ids;
    }
}
