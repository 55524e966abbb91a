using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Data;
using RtChat.Web.Data.Search;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Data.Search;

/// <summary>The FTS5 index keeps in step with the messages however they change: deletes in bulk, cascades, edits, table rebuilds.</summary>
public sealed class MessageSearchIndexTests : AppFixture
{
    private static string Unique(string stem) => stem + Guid.NewGuid().ToString("N")[..8];

    private async Task<IReadOnlyList<long>> FindAsync(TestUser reader, string words) =>
        await App.QueryAsync(async db =>
        {
            var search = new SqliteMessageSearch(db);
            var readerId = await db.Users.Where(u => u.UserName == reader.Username).Select(u => u.Id).SingleAsync();
            return (await search.FindAsync(new SearchQuery(readerId, SearchTerms.Parse(words)), 100)).Select(h => h.MessageId).ToList();
        });

    [Test]
    public async Task A_message_deleted_in_bulk_is_not_found()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var word = Unique("gone");
        var deleted = await App.StoreMessageAsync(alice, $"{word} soon");
        var kept = await App.StoreMessageAsync(alice, $"{word} stays");

        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MessageDeletion>().DeleteAsync(m => m.Id == deleted);

        Assert.That(await FindAsync(alice, word), Is.EqualTo(new[] { kept }));
    }

    [Test]
    public async Task Messages_of_a_deleted_room_are_not_found()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var group = await App.CreateGroupAsync(alice);
        var word = Unique("cascade");
        await App.StoreMessageAsync(alice, $"{word} in the group", group);
        Assert.That(await FindAsync(alice, word), Has.Count.EqualTo(1));

        await App.QueryAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM Rooms WHERE Name = {group}"));

        Assert.That(await FindAsync(alice, word), Is.Empty);
        Assert.That(await IntegrityCheckAsync(), Is.EqualTo("ok"));
    }

    [Test]
    public async Task An_edited_body_is_found_by_its_new_words_only()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var before = Unique("before");
        var after = Unique("after");
        var id = await App.StoreMessageAsync(alice, $"{before} text");

        await App.QueryAsync(db => db.Messages.Where(m => m.Id == id).ExecuteUpdateAsync(m => m.SetProperty(x => x.Body, $"{after} text")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await FindAsync(alice, before), Is.Empty);
            Assert.That(await FindAsync(alice, after), Is.EqualTo(new[] { id }));
        }
    }

    [Test]
    public async Task A_body_emptied_is_found_no_more()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var word = Unique("tombstone");
        var id = await App.StoreMessageAsync(alice, $"{word} text");

        await App.QueryAsync(db => db.Messages.Where(m => m.Id == id).ExecuteUpdateAsync(m => m.SetProperty(x => x.Body, "")));

        Assert.That(await FindAsync(alice, word), Is.Empty);
        Assert.That(await IntegrityCheckAsync(), Is.EqualTo("ok"));
    }

    [Test]
    public async Task Messages_of_a_deleted_account_are_not_found()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        var (bobWeb, bob) = await App.SignedUpAsync("bob");
        using var _ = web;
        using var __ = bobWeb;
        var word = Unique("account");
        await App.StoreMessageAsync(bob, $"{word} by bob");

        await App.QueryAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM AspNetUsers WHERE UserName = {bob.Username}"));

        Assert.That(await FindAsync(alice, word), Is.Empty);
    }

    [Test]
    public async Task Triggers_a_table_rebuild_dropped_are_put_back_and_what_came_meanwhile_is_indexed()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var word = Unique("rebuild");
        // What EF Core's SQLite table rebuild leaves: the index, without the triggers on the new Messages table.
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "DROP TRIGGER Messages_SearchInsert; DROP TRIGGER Messages_SearchDelete; DROP TRIGGER Messages_SearchUpdate;"));
        var meanwhile = await App.StoreMessageAsync(alice, $"{word} meanwhile");

        var repaired = await App.QueryAsync(db => MessageSearchIndex.RepairAsync(db));
        var after = await App.StoreMessageAsync(alice, $"{word} after");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(repaired, Is.True);
            Assert.That(await FindAsync(alice, word), Is.EqualTo(new[] { after, meanwhile }));
            Assert.That(await App.QueryAsync(db => MessageSearchIndex.RepairAsync(db)), Is.False, "nothing to do the second time");
        }
    }

    /// <summary>FTS5's own check that the index matches its content table.</summary>
    private Task<string> IntegrityCheckAsync() => App.QueryAsync(async db =>
    {
        await db.Database.ExecuteSqlRawAsync(IntegrityCheck);
        return "ok";
    });

    // Rank 1: the index is also compared with the Messages table; a mismatch throws.
    private const string IntegrityCheck = $"INSERT INTO {MessageSearchIndex.Table} ({MessageSearchIndex.Table}, rank) VALUES ('integrity-check', 1);";
}
