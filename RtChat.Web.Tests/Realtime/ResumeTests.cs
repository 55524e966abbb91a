using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Realtime;

/// <summary>
/// A socket says the last message id its page shows and gets exactly what it missed (bounded), and the frames a
/// client may send are bounded too. Each test talks in its own group room, so ids are the test's own.
/// </summary>
public sealed class ResumeTests : AppFixture
{
    private const int ResumeLimit = 3;
    private const int MaxClientFrameBytes = 4096;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Realtime:ResumeLimit"] = ResumeLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Exactly what was missed: the overlap a resume also sends has tests of its own (ResumeOverlapTests).
        ["Realtime:ResumeOverlap"] = "0",
        ["Chat:SendLimit"] = "1000",
    };

    private sealed record Setup(WebSession Web, TestUser User, string Room, Composer Composer) : IDisposable
    {
        public void Dispose() => Web.Dispose();
    }

    private async Task<Setup> RoomOfOneAsync()
    {
        var (web, user) = await App.SignedUpAsync("resume");
        var room = await App.CreateGroupAsync(user);
        return new Setup(web, user, room, await web.OpenComposerAsync(room));
    }

    /// <summary>Posts <paramref name="count"/> messages to the room and returns their ids, oldest first.</summary>
    private async Task<IReadOnlyList<long>> PostAsync(Setup setup, int count, string label)
    {
        var ids = new List<long>();
        for (var i = 1; i <= count; i++)
        {
            var body = $"{label} {i} in {setup.Room}";
            await setup.Composer.SendAsync(body);
            ids.Add(await App.MessageIdAsync(body));
        }
        return ids;
    }

    private Task<ChatSocket> ConnectAsync(Setup setup, string name = "the socket") =>
        ChatSocket.ConnectAsync(App.BaseAddress, setup.Web, setup.Room, name: name);

    [Test]
    public async Task Resuming_replays_exactly_the_newer_messages_in_order_then_continues_live()
    {
        using var setup = await RoomOfOneAsync();
        var posted = await PostAsync(setup, ResumeLimit + 1, "before");
        await using var socket = await ConnectAsync(setup);

        await socket.SendResumeAsync(posted[0]);
        await socket.WaitForMessageAsync(posted[^1]);
        var live = (await PostAsync(setup, 1, "live")).Single();
        await socket.WaitForMessageAsync(live);

        Assert.That(socket.MessageIds, Is.EqualTo(posted.Skip(1).Append(live)), $"the {ResumeLimit} missed (the limit), then the live one, once each");
    }

    [Test]
    public async Task A_message_posted_while_disconnected_arrives_after_reconnecting_with_the_last_id_seen()
    {
        using var setup = await RoomOfOneAsync();
        long lastSeen;
        await using (var firstVisit = await ConnectAsync(setup, "the first socket"))
        {
            await firstVisit.SendResumeAsync(0);
            var seen = (await PostAsync(setup, 1, "seen")).Single();
            await firstVisit.WaitForMessageAsync(seen);
            lastSeen = firstVisit.MessageIds[^1];
        }

        var missed = await PostAsync(setup, 2, "missed");
        await using var reconnected = await ConnectAsync(setup, "the reconnected socket");
        await reconnected.SendResumeAsync(lastSeen);
        await reconnected.WaitForMessageAsync(missed[^1]);
        var live = (await PostAsync(setup, 1, "live")).Single();
        await reconnected.WaitForMessageAsync(live);

        Assert.That(reconnected.MessageIds, Is.EqualTo(missed.Append(live)));
    }

    [Test]
    public async Task Messages_posted_before_the_page_says_where_it_is_are_held_and_sent_once()
    {
        using var setup = await RoomOfOneAsync();
        await using var socket = await ConnectAsync(setup);

        var early = await PostAsync(setup, 2, "early");
        await socket.SendResumeAsync(0);
        await socket.WaitForMessageAsync(early[^1]);
        var live = (await PostAsync(setup, 1, "live")).Single();
        await socket.WaitForMessageAsync(live);

        Assert.That(socket.MessageIds, Is.EqualTo(early.Append(live)), "live and replayed copies meet without duplicates");
    }

    [Test]
    public async Task Missing_more_than_the_resume_limit_gets_a_reload_notice_instead_of_the_messages()
    {
        using var setup = await RoomOfOneAsync();
        var missed = await PostAsync(setup, ResumeLimit + 1, "missed");
        await using var socket = await ConnectAsync(setup);

        await socket.SendResumeAsync(0);
        var notice = await socket.WaitForAsync(frame => frame.Contains("id=\"chat-notice\"", StringComparison.Ordinal), "the reload notice");

        var fragment = await WebSession.ParseHtmlAsync(notice, App.BaseAddress);
        var element = fragment.QuerySelector("#chat-notice");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(element?.GetAttribute("hx-swap-oob"), Is.EqualTo("true"));
            Assert.That(element?.GetAttribute("_"), Does.Contain("location.reload()"));
            Assert.That(socket.MessageIds, Is.Empty, $"none of the {missed.Count} missed messages is replayed");
        }
    }

    [Test]
    public async Task Resume_frames_after_the_first_are_ignored_without_reading_the_history_again()
    {
        using var setup = await RoomOfOneAsync();
        var posted = await PostAsync(setup, ResumeLimit, "before");
        using var queries = await MessageQueries.StartAsync(App, setup.Room);
        await using var socket = await ConnectAsync(setup);
        await socket.SendResumeAsync(0);
        await socket.WaitForMessageAsync(posted[^1]);
        var afterFirstResume = queries.Count;

        for (var i = 0; i < 20; i++)
            await socket.SendResumeAsync(0);
        // The server reads a socket's frames in order: once it refuses this one, it has handled all of the above.
        await socket.SendTextAsync(new string('x', MaxClientFrameBytes + 1));
        await socket.WaitForEndAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(socket.MessageIds, Is.EqualTo(posted), "nothing is replayed twice");
            Assert.That(afterFirstResume, Is.EqualTo(1), "the first resume reads the history once");
            Assert.That(queries.Count - afterFirstResume, Is.Zero,
                "a resume after the first is ignored, so it must not cost a history query (and up to ResumeLimit renders) each");
        }
    }

    [Test]
    public async Task A_client_frame_of_the_size_limit_is_read()
    {
        using var setup = await RoomOfOneAsync();
        var posted = await PostAsync(setup, 2, "before");
        await using var socket = await ConnectAsync(setup);
        var resume = $$"""{"after":{{posted[0]}}}""";

        await socket.SendTextAsync(resume.PadRight(MaxClientFrameBytes));
        await socket.WaitForMessageAsync(posted[1]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(socket.MessageIds, Is.EqualTo(new[] { posted[1] }));
            Assert.That(socket.Socket.State, Is.EqualTo(WebSocketState.Open));
        }
    }

    [Test]
    public async Task A_client_frame_over_the_size_limit_closes_the_socket_with_1009()
    {
        using var setup = await RoomOfOneAsync();
        await using var socket = await ConnectAsync(setup);

        await socket.SendTextAsync(new string('x', MaxClientFrameBytes + 1));
        await socket.WaitForEndAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(socket.Socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.MessageTooBig), socket.Failure?.Message);
            Assert.That(socket.Socket.State, Is.EqualTo(WebSocketState.Closed));
        }
    }

    /// <summary>Counts the queries on the Messages table that EF runs against one app's database while it lives.</summary>
    private sealed class MessageQueries : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _databaseFile;
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        private MessageQueries(string databaseFile)
        {
            _databaseFile = databaseFile;
            lock (_subscriptions) _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        /// <summary>
        /// Starts counting, and returns once EF is seen reporting (it caches "nobody listens" for up to a second),
        /// with the count at zero.
        /// </summary>
        public static async Task<MessageQueries> StartAsync(RtChatApp app, string room)
        {
            var queries = new MessageQueries(app.DatabaseFile);
            var clock = Stopwatch.StartNew();
            while (queries.Count == 0)
            {
                if (clock.Elapsed > ChatSocket.Patience)
                {
                    queries.Dispose();
                    Assert.Fail("EF never reported a query to the diagnostic listener.");
                }
                await app.LastMessageIdAsync(room);
                await Task.Delay(50);
            }
            // Each context keeps its "is anyone listening?" answer for EF's logging cache time (a second): one that asked
            // just before the counter subscribed (a background query) would not report until it asks again.
            await Task.Delay(TimeSpan.FromSeconds(1.2));
            Interlocked.Exchange(ref queries._count, 0);
            return queries;
        }

        public int Count => Volatile.Read(ref _count);

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
                && data.Command.Connection?.ConnectionString.Contains(_databaseFile, StringComparison.Ordinal) == true
                && data.Command.CommandText.Contains("\"Messages\"", StringComparison.Ordinal))
                Interlocked.Increment(ref _count);
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                foreach (var subscription in _subscriptions) subscription.Dispose();
                _subscriptions.Clear();
            }
        }
    }
}
