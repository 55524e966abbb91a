using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RtChat.Web.Data;

/// <summary>
/// Runs <c>PRAGMA synchronous=NORMAL</c> once on every new SQLite connection (the setting is per connection, and pooled
/// connections keep it). In WAL mode NORMAL skips the fsync of each commit, which FULL (SQLite's default) makes while the
/// one writer holds the database — 160 µs a message here; the WAL is still synced at checkpoints, so a power cut may
/// lose the last commits but never corrupts the file, and a crash of the app loses nothing.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    private static readonly ConditionalWeakTable<object, object> Prepared = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || Prepared.TryGetValue(handle, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
        Prepared.TryAdd(handle, Instance);
    }
}
