using Microsoft.EntityFrameworkCore;

namespace RtChat.Web.Data.Search;

/// <summary>
/// SQLite's full-text index of message bodies: an FTS5 table over <c>Messages.Body</c> (external content, keyed by the
/// message id) that triggers keep in step with every insert, delete (cascades and bulk deletes included) and change of
/// a body. Created by the <c>AddMessageSearch</c> migration; SQL Server has none (its search is <see cref="LikeMessageSearch"/>).
/// </summary>
public static class MessageSearchIndex
{
    public const string Table = "MessagesSearch";

    /// <summary>Words without their accents, so "cafe" finds "café" and the other way round.</summary>
    public const string CreateTable = $"""
        CREATE VIRTUAL TABLE IF NOT EXISTS {Table} USING fts5(
            Body, content='Messages', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
        """;

    // An external-content index is told the old text to take out: it keeps no copy of it.
    public const string CreateTriggers = $"""
        CREATE TRIGGER IF NOT EXISTS Messages_SearchInsert AFTER INSERT ON Messages BEGIN
            INSERT INTO {Table} (rowid, Body) VALUES (new.Id, new.Body);
        END;
        CREATE TRIGGER IF NOT EXISTS Messages_SearchDelete AFTER DELETE ON Messages BEGIN
            INSERT INTO {Table} ({Table}, rowid, Body) VALUES ('delete', old.Id, old.Body);
        END;
        CREATE TRIGGER IF NOT EXISTS Messages_SearchUpdate AFTER UPDATE OF Body ON Messages BEGIN
            INSERT INTO {Table} ({Table}, rowid, Body) VALUES ('delete', old.Id, old.Body);
            INSERT INTO {Table} (rowid, Body) VALUES (new.Id, new.Body);
        END;
        """;

    /// <summary>Indexes every message anew from the Messages table.</summary>
    public const string Rebuild = $"INSERT INTO {Table} ({Table}) VALUES ('rebuild');";

    public const string Drop = $"""
        DROP TRIGGER IF EXISTS Messages_SearchInsert;
        DROP TRIGGER IF EXISTS Messages_SearchDelete;
        DROP TRIGGER IF EXISTS Messages_SearchUpdate;
        DROP TABLE IF EXISTS {Table};
        """;

    private const int TriggerCount = 3;

    private const string FindParts = $"""
        SELECT name AS Value FROM sqlite_master
        WHERE (type = 'table' AND name = '{Table}')
           OR (type = 'trigger' AND name IN ('Messages_SearchInsert', 'Messages_SearchDelete', 'Messages_SearchUpdate'))
        """;

    /// <summary>
    /// Puts back the triggers when the index exists but they do not, and indexes every message again. EF Core's SQLite
    /// migrations rebuild a table for some changes (a foreign key added to Messages, a column altered), and dropping the
    /// old table drops its triggers: without this, messages written after such a migration would never be found.
    /// </summary>
    /// <returns>Whether the triggers had to be put back.</returns>
    public static async Task<bool> RepairAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var found = await db.Database.SqlQueryRaw<string>(FindParts).ToListAsync(cancellationToken);
        if (!found.Contains(Table) || found.Count == TriggerCount + 1) return false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(CreateTriggers + Rebuild, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
