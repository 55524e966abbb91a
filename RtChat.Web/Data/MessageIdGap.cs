using Microsoft.EntityFrameworkCore;

namespace RtChat.Web.Data;

/// <summary>
/// SQLite in <c>synchronous=NORMAL</c> (<see cref="SqlitePragmas"/>) may lose its last commits in a power cut, and with
/// them the sequence's last message ids: a page that saw one of those ids would, resuming after it, skip the new message
/// that reuses it. So each start moves the sequence past every id it may have handed out before the cut, in a commit
/// synced to disk before the app serves, and message ids are never reused. SQL Server never reuses identity values.
/// </summary>
public static class MessageIdGap
{
    /// <summary>More ids than the commits a power cut can lose (those since the WAL was last synced, at most a checkpoint's worth).</summary>
    public const long Gap = 1L << 24;

    public static async Task SkipAsync(AppDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;");
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE sqlite_sequence SET seq = MAX(seq, (SELECT IFNULL(MAX(Id), 0) FROM Messages)) + {0} WHERE name = 'Messages';
                INSERT INTO sqlite_sequence (name, seq) SELECT 'Messages', (SELECT IFNULL(MAX(Id), 0) FROM Messages) + {0}
                WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'Messages');
                """, Gap);
            await transaction.CommitAsync();
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;");
            await db.Database.CloseConnectionAsync();
        }
    }
}
