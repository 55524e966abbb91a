using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace RtChat.Web.Tests.Support;

/// <summary>
/// A test's end of <c>/ws?room=…</c>, like a page's: it connects with a <see cref="WebSession"/>'s cookies and the
/// site's Origin, and (unless told not to) reads every frame in the background, so waits never cancel a receive
/// (which would abort the socket) and a reader is always as prompt as a browser. Every wait is bounded by
/// <see cref="Patience"/> and fails with what did arrive.
/// </summary>
public sealed partial class ChatSocket : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly Channel<string> _unread = Channel.CreateUnbounded<string>();
    private readonly List<string> _received = [];
    private readonly Task? _reader;
    private readonly HttpMessageInvoker? _invoker;

    private ChatSocket(ClientWebSocket socket, string name, bool read, HttpMessageInvoker? invoker = null)
    {
        Socket = socket;
        Name = name;
        _invoker = invoker;
        _reader = read ? ReadAllAsync() : null;
    }

    /// <summary>Who this is in failure messages, e.g. "alice's socket".</summary>
    public string Name { get; }

    public ClientWebSocket Socket { get; }

    /// <summary>Why reading ended abnormally (the server aborted the connection), if it did.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Every text frame received so far, in order.</summary>
    public IReadOnlyList<string> Received
    {
        get { lock (_received) return [.. _received]; }
    }

    /// <summary>The ids of the chat messages received so far, in the order they came (replayed and live alike).</summary>
    public IReadOnlyList<long> MessageIds => Received.SelectMany(MessageIdsIn).ToList();

    /// <summary>Says, like the page does on every open, the newest message id the page already shows.</summary>
    public Task SendResumeAsync(long afterId) => SendTextAsync($$"""{"after":{{afterId}}}""");

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>Waits for the next frame <paramref name="match"/> accepts (skipping others) and returns it.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, string what, TimeSpan? patience = null)
    {
        if (_reader is null) throw new InvalidOperationException($"{Name} does not read.");
        var limit = patience ?? Patience;
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            while (true)
            {
                var frame = await _unread.Reader.ReadAsync(timeout.Token);
                if (match(frame)) return frame;
            }
        }
        catch (OperationCanceledException)
        {
            throw new AssertionException($"{Name} received no frame with {what} within {limit.TotalSeconds:0.#} s. {Summary()}");
        }
        catch (ChannelClosedException)
        {
            throw new AssertionException($"{Name} was closed before a frame with {what} arrived. {Summary()}");
        }
    }

    /// <summary>Waits for the frame that carries message <paramref name="messageId"/>.</summary>
    public Task<string> WaitForMessageAsync(long messageId) =>
        WaitForAsync(frame => MessageIdsIn(frame).Contains(messageId), $"message {messageId}");

    /// <summary>Waits until a presence frame says the room has <paramref name="count"/> people online (earlier values are skipped).</summary>
    public Task<string> WaitForOnlineCountAsync(int count) =>
        WaitForAsync(frame => OnlineCountIn(frame) == count, $"online count {count}");

    /// <summary>Waits (bounded) until the connection has ended, by a close handshake or by the server dropping it.</summary>
    public async Task WaitForEndAsync()
    {
        if (_reader is null) throw new InvalidOperationException($"{Name} does not read.");
        try
        {
            await _reader.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new AssertionException($"{Name} was still open {Patience.TotalSeconds:0.#} s later (state {Socket.State}). {Summary()}");
        }
    }

    /// <summary>
    /// On a socket without the background reader: reads frames itself until one <paramref name="match"/> accepts
    /// (bounded), then leaves the rest unread. A tab that took its catch-up, then stalled.
    /// </summary>
    public async Task<string> ReadUntilAsync(Func<string, bool> match, string what)
    {
        if (_reader is not null) throw new InvalidOperationException($"{Name} already reads in the background.");
        var clock = Stopwatch.StartNew();
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        while (clock.Elapsed < Patience)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await Socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(Patience - clock.Elapsed);
            }
            catch (TimeoutException)
            {
                break;
            }
            if (result.MessageType == WebSocketMessageType.Close)
                throw new AssertionException($"{Name} was closed ({result.CloseStatus}) before a frame with {what} arrived.");
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            var frame = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            lock (_received) _received.Add(frame);
            if (match(frame)) return frame;
        }
        Socket.Abort();
        throw new AssertionException($"{Name} received no frame with {what} within {Patience.TotalSeconds:0.#} s.");
    }

    /// <summary>
    /// Reads what a non-reading socket has buffered until the connection ends, as a stalled tab would when it wakes
    /// up; returns the frames it got, or fails if the connection is still open after <see cref="Patience"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> DrainUntilEndAsync()
    {
        if (_reader is not null) throw new InvalidOperationException($"{Name} already reads in the background.");
        var frames = new List<string>();
        var clock = Stopwatch.StartNew();
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var left = Patience - clock.Elapsed;
                if (left <= TimeSpan.Zero) break;
                var result = await Socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(left);
                if (result.MessageType == WebSocketMessageType.Close) return frames;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                frames.Add(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            Failure = e;
            return frames;
        }
        catch (TimeoutException) { }
        Socket.Abort();
        throw new AssertionException($"{Name} was still open {Patience.TotalSeconds:0.#} s later, after {frames.Count} frames.");
    }

    /// <summary>Closes like a browser tab does (close handshake), bounded; aborts if the server does not answer.</summary>
    public async Task CloseAsync()
    {
        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(Patience);
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "Bye", timeout.Token);
            }
            if (_reader is not null) await _reader.WaitAsync(Patience);
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException or ObjectDisposedException) { }
        finally
        {
            if (Socket.State != WebSocketState.Closed) Socket.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        Socket.Dispose();
        _invoker?.Dispose();
    }

    /// <summary>The ids of the messages (<c>&lt;article id="message-N"</c>) a frame carries.</summary>
    public static IEnumerable<long> MessageIdsIn(string frame) =>
        MessageArticle().Matches(frame).Select(m => long.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The room's online count a presence frame carries, or null if it carries none.</summary>
    public static int? OnlineCountIn(string frame) =>
        OnlineCount().Match(frame) is { Success: true } match
            ? int.Parse(match.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;


    private async Task ReadAllAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (Socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await Socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // The server closed first: answer with its status, as a browser does.
                    if (Socket.State == WebSocketState.CloseReceived)
                        await Socket.CloseOutputAsync(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var frame = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                lock (_received) _received.Add(frame);
                _unread.Writer.TryWrite(frame);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            Failure = e;
        }
        finally
        {
            _unread.Writer.TryComplete();
        }
    }

    private string Summary()
    {
        var frames = Received;
        var state = $"State {Socket.State}, close {Socket.CloseStatus?.ToString() ?? "none"}{(Failure is null ? "" : $", failure: {Failure.Message}")}.";
        if (frames.Count == 0) return state + " No frames received.";
        var last = frames.TakeLast(5).Select(f => f.Length > 300 ? f[..300] + "…" : f);
        return $"{state} {frames.Count} frames received; the last ones:\n" + string.Join("\n", last);
    }

    [GeneratedRegex(@"<article id=""message-(?<id>\d+)""")]
    private static partial Regex MessageArticle();

    [GeneratedRegex(@"<span id=""online-count""[^>]*\bdata-count=""(?<count>\d+)""")]
    private static partial Regex OnlineCount();
}
