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
    private async Task<IReadOnlyList<long>> FindAsync(TestUser reader, string words)
    {
        var query = new SearchQuery(await App.UserIdAsync(reader), SearchTerms.Parse(words));
        var hits = await App.QueryAsync(db => new SqliteMessageSearch(db).FindAsync(query, 100));
        return hits.Select(h => h.MessageId).ToList();
    }

    [Test]
    public async Task A_message_deleted_in_bulk_is_not_found()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var word = SearchSteps.UniqueWord("gone");
        var deleted = await App.StoreMessageAsync(alice, $"{word} soon");
        var kept = await App.StoreMessageAsync(alice, $"{word} stays");

        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MessageDeletion>().DeleteAsync(m => m.Id == deleted);

        Assert.That(await FindAsync(alice, word), Is.EqualTo(new[] { kept }));
        Assert.That(await IntegrityCheckAsync(), Is.EqualTo("ok"), "the index let go of it (a search joins on Messages, so it would not show)");
    }

    [Test]
    public async Task Messages_of_a_deleted_room_are_not_found()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var group = await App.CreateGroupAsync(alice);
        var word = SearchSteps.UniqueWord("cascade");
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
        var before = SearchSteps.UniqueWord("before");
        var after = SearchSteps.UniqueWord("after");
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
        var word = SearchSteps.UniqueWord("tombstone");
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
        var word = SearchSteps.UniqueWord("account");
        await App.StoreMessageAsync(bob, $"{word} by bob");

        await App.QueryAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM AspNetUsers WHERE UserName = {bob.Username}"));

        Assert.That(await FindAsync(alice, word), Is.Empty);
        Assert.That(await IntegrityCheckAsync(), Is.EqualTo("ok"));
    }

    [Test]
    public async Task Triggers_a_table_rebuild_dropped_are_put_back_and_what_came_meanwhile_is_indexed()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var word = SearchSteps.UniqueWord("rebuild");
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
