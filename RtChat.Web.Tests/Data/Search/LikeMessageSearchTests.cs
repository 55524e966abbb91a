using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data.Search;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Data.Search;

/// <summary>
/// SQL Server's search (LIKE, no index), run here on SQLite: it is provider-neutral LINQ, and the rules it must keep are
/// the same: every word, the reader's rooms only, the filters, newest first, the words marked.
/// </summary>
public sealed class LikeMessageSearchTests : AppFixture
{
    private async Task<IReadOnlyList<SearchHit>> FindAsync(TestUser reader, string words, int? roomId = null)
    {
        var query = new SearchQuery(await App.UserIdAsync(reader), SearchTerms.Parse(words), roomId);
        return await App.QueryAsync(db => new LikeMessageSearch(db).FindAsync(query, 100));
    }

    [Test]
    public async Task Every_word_is_found_anywhere_in_the_body_and_marked()
    {
        var (web, alice) = await App.SignedUpAsync("alice");
        using var _ = web;
        var word = SearchSteps.UniqueWord("like");
        var both = await App.StoreMessageAsync(alice, $"Some {word} and the Pear");
        var older = await App.StoreMessageAsync(alice, $"pear {word} again");
        await App.StoreMessageAsync(alice, $"{word} alone");

        var hits = await FindAsync(alice, $"{word} pear");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hits.Select(h => h.MessageId), Is.EqualTo(new[] { older, both }.OrderDescending()));
            Assert.That(hits.Single(h => h.MessageId == both).Snippet, Is.EqualTo($"Some \u0002{word}\u0003 and the \u0002Pear\u0003"));
        }
    }

    [Test]
    public async Task Nothing_is_found_in_a_private_chat_of_two_others()
    {
        using var chat = await App.PrivateChatAsync();
        var (carolWeb, carol) = await App.SignedUpAsync("carol");
        using var _ = carolWeb;
        var word = SearchSteps.UniqueWord("private");
        var id = await App.StoreMessageAsync(chat.Alice, $"{word} talk", chat.Room);
        var roomId = await App.RoomIdAsync(chat.Room);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await FindAsync(carol, word), Is.Empty);
            Assert.That(await FindAsync(carol, word, roomId), Is.Empty, "not even naming the room");
            Assert.That((await FindAsync(chat.Bob, word)).Select(h => h.MessageId), Is.EqualTo(new[] { id }));
        }
    }

    [Test]
    public async Task The_query_translates_for_sql_server()
    {
        // The context `dotnet ef` uses: SQL Server's provider, no connection opened.
        await using var db = new RtChat.Web.Data.SqlServerDesignTimeFactory().CreateDbContext([]);

        var sql = new LikeMessageSearch(db).Matching(new SearchQuery("me", SearchTerms.Parse("budget friday"), 1, "author", 10), 21).ToQueryString();

        Assert.That(sql, Does.Contain("LIKE @").And.Contain("TOP(@").And.Contain("[Memberships]"));
    }
}
