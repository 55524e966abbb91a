using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RtChat.Web.Data;
using RtChat.Web.Tests.Support;
using static RtChat.Web.Tests.Support.ReactionSteps;

namespace RtChat.Web.Tests.Data;

/// <summary>A page's reactions cost one query, and a page of messages that never changed costs none.</summary>
public sealed class MessageReactionsTests : AppFixture
{
    private readonly LogRecorder _log = new();

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(_log);

    private int ReactionQueries() => _log.Logs.Count(l => l.Message.Contains("FROM \"Reactions\"", StringComparison.Ordinal));

    /// <summary>A room page's messages, read past its kept newest page; and how many queries read reactions meanwhile.</summary>
    private async Task<(HistoryPage Page, int ReactionQueries)> ReadAsync(string room)
    {
        var roomId = await App.RoomIdAsync(room);
        var before = ReactionQueries();
        await using var scope = App.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<ChatHistory>().PageAsync(roomId, long.MaxValue);
        return (page, ReactionQueries() - before);
    }

    [Test]
    public async Task A_page_of_messages_that_never_changed_reads_no_reactions()
    {
        var (web, user) = await App.SignedUpAsync("quiet");
        using var _ = web;
        var room = await App.CreateGroupAsync(user);
        await App.SeedMessagesAsync(user, 5, room);

        var (page, queries) = await ReadAsync(room);

        Assert.That(page.Messages, Has.Count.EqualTo(5));
        Assert.That(queries, Is.Zero);
    }

    [Test]
    public async Task A_pages_reactions_are_read_in_one_query_for_all_its_messages()
    {
        var (web, user) = await App.SignedUpAsync("busy");
        using var _ = web;
        var room = await App.CreateGroupAsync(user);
        var ids = await App.SeedMessagesAsync(user, 5, room);
        using (await web.ReactAsync(ids[0], ThumbsUp)) { }
        using (await web.ReactAsync(ids[3], Party)) { }
        using (await web.ReactAsync(ids[3], ThumbsUp)) { }
        Assert.That(ReactionQueries(), Is.GreaterThan(0), "the log records the queries (else this test proves nothing)");

        var (page, queries) = await ReadAsync(room);

        var pills = page.Messages.ToDictionary(m => m.Id, m => m.Reactions?.Select(r => $"{r.Emoji} {r.Count}").ToList());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(queries, Is.EqualTo(1));
            Assert.That(pills[ids[0]], Is.EqualTo(new[] { $"{ThumbsUp} 1" }));
            Assert.That(pills[ids[3]], Is.EqualTo(new[] { $"{Party} 1", $"{ThumbsUp} 1" }), "first used first");
            Assert.That(pills[ids[1]], Is.Null);
        }
    }
}
