using Microsoft.EntityFrameworkCore;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data.Search;

/// <summary>SQLite: the FTS5 index (<see cref="MessageSearchIndex"/>), its snippet() marking the words found.</summary>
public sealed class SqliteMessageSearch(AppDbContext db) : IMessageSearch
{
    /// <summary>Words in an extract.</summary>
    private const int SnippetTokens = 24;

    public async Task<IReadOnlyList<SearchHit>> FindAsync(SearchQuery query, int limit, CancellationToken cancellationToken = default)
    {
        var match = query.Terms.ToFts5Match();
        var before = query.BeforeId ?? long.MaxValue;
        var everyone = (int)RoomKind.Public;
        // The newest matches first, by the index's own rowid (the message id); each must be in a room the reader reads.
        return await db.Database.SqlQuery<SearchHit>($"""
            SELECT MessagesSearch.rowid AS MessageId,
                   snippet(MessagesSearch, 0, char(2), char(3), '…', {SnippetTokens}) AS Snippet
            FROM MessagesSearch JOIN Messages m ON m.Id = MessagesSearch.rowid
            WHERE MessagesSearch MATCH {match} AND MessagesSearch.rowid < {before}
              AND (m.RoomId IN (SELECT Id FROM Rooms WHERE Kind = {everyone})
                   OR m.RoomId IN (SELECT RoomId FROM Memberships WHERE UserId = {query.ReaderId}))
              AND ({query.RoomId} IS NULL OR m.RoomId = {query.RoomId})
              AND ({query.AuthorId} IS NULL OR m.AuthorId = {query.AuthorId})
            ORDER BY MessagesSearch.rowid DESC
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }
}
