using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Realtime;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Realtime;

/// <summary>A client that stops reading is dropped; it never slows the room for everyone else.</summary>
public sealed class SlowConsumerTests : AppFixture
{
    private const int SendQueueLimit = 8;
    private const int MaxPosts = 300;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Realtime:SendQueueLimit"] = SendQueueLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Chat:SendLimit"] = "100000",
        ["Chat:MaxMessageLength"] = "10000",
    };

    [Test]
    public async Task A_socket_that_stops_reading_is_dropped_while_a_reading_one_gets_every_message_promptly()
    {
        using var readerWeb = App.NewSession();
        using var stalledWeb = App.NewSession();
        var reader = TestUser.Create("reader");
        var stalled = TestUser.Create("stalled");
        await readerWeb.RegisterAsync(reader);
        await stalledWeb.RegisterAsync(stalled);
        var room = await App.CreateGroupAsync(reader, stalled);
        var stalledId = await App.UserIdAsync(stalled);
        var composer = await readerWeb.OpenComposerAsync(room);
        var first = $"first message in {room}";
        await composer.SendAsync(first);
        var firstId = await App.MessageIdAsync(first);

        await using var readingTab = await ChatSocket.ConnectAsync(App.BaseAddress, readerWeb, room, name: "the reading tab");
        await readingTab.SendResumeAsync(0);
        await readingTab.WaitForMessageAsync(firstId);
        await using var stalledTab = await ChatSocket.ConnectNonReadingAsync(App.BaseAddress, stalledWeb, room, name: "the stalled tab");
        await stalledTab.SendResumeAsync(0);
        // It takes its catch-up (so the server is past the resume step), then never reads again.
        await stalledTab.ReadUntilAsync(frame => ChatSocket.MessageIdsIn(frame).Contains(firstId), $"message {firstId}");
        var connection = App.Services.GetRequiredService<LocalSockets>().All.Single(c => c.UserId == stalledId);

        // Each body renders to ~40 KB ("<" and ">" are escaped). The stalled client's receive buffer is tiny, but the
        // server's send buffer grows (Linux: up to tcp_wmem's max, 4 MB by default): it fills after ~80 posts here.
        var padding = string.Concat(Enumerable.Repeat("<>", 4950));
        var delivered = new List<long> { firstId };
        var slowestPost = TimeSpan.Zero;
        int? droppedAfter = null;
        for (var i = 1; i <= MaxPosts && (droppedAfter is null || i <= droppedAfter + 20); i++)
        {
            var marker = $"[post {i} of {room}]";
            var clock = Stopwatch.StartNew();
            using (var response = await composer.PostAsync($"{marker} {padding}"))
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), $"post {i}");
            slowestPost = clock.Elapsed > slowestPost ? clock.Elapsed : slowestPost;
            var frame = await readingTab.WaitForAsync(f => f.Contains(marker, StringComparison.Ordinal), $"post {i}");
            delivered.Add(ChatSocket.MessageIdsIn(frame).Single());
            if (connection.DropReason is not null) droppedAfter ??= i;
        }

        var stalledGot = await stalledTab.DrainUntilEndAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(droppedAfter, Is.Not.Null, $"the stalled socket was dropped within {MaxPosts} posts");
            Assert.That(connection.DropReason, Is.EqualTo("stopped reading"));
            Assert.That(stalledGot.Sum(f => ChatSocket.MessageIdsIn(f).Count()), Is.LessThan(delivered.Count - 1),
                "the stalled socket never had everything");
            Assert.That(stalledTab.Failure, Is.Not.Null, "the stalled client sees its connection end");
            Assert.That(App.Services.GetRequiredService<LocalSockets>().All.Any(c => c.Id == connection.Id), Is.False,
                "the server let go of it");
            Assert.That(readingTab.MessageIds, Is.EqualTo(delivered), "the reading tab got every message, once, in order");
            Assert.That(delivered, Is.Ordered.Ascending);
            Assert.That(slowestPost, Is.LessThan(TimeSpan.FromSeconds(2)), "no post waited for the stalled socket");
        }
        TestContext.Out.WriteLine($"Stalled socket dropped after post {droppedAfter}; slowest post {slowestPost.TotalMilliseconds:0} ms.");
    }
}
