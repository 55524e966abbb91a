using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RtChat.Bench.Throughput;

public sealed record NewMessage(int RoomId, string AuthorId, string Body);

/// <summary>A committed message as read back for its frame.</summary>
public sealed record StoredMessage(long Id, int RoomId, string AuthorName, string Body, string CreatedAt);

/// <summary>
/// The reference's SQLite file: the app's Messages table to the letter (columns, keys, indexes, as its migrations make
/// it) with the rooms and users its foreign keys point at, set up as the app sets its own: WAL, synchronous=NORMAL and
/// foreign keys on (EF Core's SQLite provider turns them on for every connection).
/// </summary>
internal sealed class ReferenceDatabase : IDisposable
{
    private const string Schema = """
        CREATE TABLE "AspNetUsers" ("Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY, "UserName" TEXT NULL);
        CREATE TABLE "Rooms" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Rooms" PRIMARY KEY AUTOINCREMENT, "Name" TEXT NOT NULL);
        CREATE TABLE "Messages" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_Messages" PRIMARY KEY AUTOINCREMENT,
            "RoomId" INTEGER NOT NULL,
            "AuthorId" TEXT NOT NULL,
            "Body" TEXT NOT NULL,
            "CreatedAt" TEXT NOT NULL,
            CONSTRAINT "FK_Messages_AspNetUsers_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
            CONSTRAINT "FK_Messages_Rooms_RoomId" FOREIGN KEY ("RoomId") REFERENCES "Rooms" ("Id") ON DELETE CASCADE
        );
        CREATE INDEX "IX_Messages_AuthorId" ON "Messages" ("AuthorId");
        CREATE INDEX "IX_Messages_RoomId_Id" ON "Messages" ("RoomId", "Id");
        """;

    private readonly SqliteConnection _connection;
    private readonly string[] _authorIds;
    private readonly int _rooms;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _readBack;

    private ReferenceDatabase(SqliteConnection connection, string[] authorIds, int rooms)
    {
        _connection = connection;
        _authorIds = authorIds;
        _rooms = rooms;
        _insert = Command("""INSERT INTO "Messages" ("AuthorId", "Body", "CreatedAt", "RoomId") VALUES ($author, $body, $at, $room) RETURNING "Id";""");
        _readBack = Command("""
            SELECT m."Id", m."RoomId", u."UserName", m."Body", m."CreatedAt" FROM "Messages" AS m
            INNER JOIN "AspNetUsers" AS u ON m."AuthorId" = u."Id"
            WHERE m."Id" BETWEEN $first AND $last ORDER BY m."Id";
            """);
    }

    /// <summary>A new file with rooms 1…<paramref name="rooms"/> and users 0…<paramref name="users"/>−1 (GUID ids, as Identity's).</summary>
    public static ReferenceDatabase Create(string path, int rooms, int users)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=1;");
        Execute(connection, Schema);
        var authorIds = Enumerable.Range(0, users).Select(_ => Guid.NewGuid().ToString()).ToArray();
        using (var transaction = connection.BeginTransaction())
        {
            for (var i = 0; i < users; i++)
                Execute(connection, """INSERT INTO "AspNetUsers" ("Id", "UserName") VALUES ($id, $name);""", ("$id", authorIds[i]), ("$name", $"bench{i:D4}"));
            for (var r = 1; r <= rooms; r++)
                Execute(connection, """INSERT INTO "Rooms" ("Id", "Name") VALUES ($id, $name);""", ("$id", r), ("$name", $"bench-room-{r:D2}"));
            transaction.Commit();
        }
        return new ReferenceDatabase(connection, authorIds, rooms);
    }

    public bool Knows(int room, int author) => room >= 1 && room <= _rooms && author >= 0 && author < _authorIds.Length;

    public string AuthorId(int author) => _authorIds[author];

    /// <summary>Inserts the batch in one transaction, then reads it back in id order with each author's name.</summary>
    public async Task<IReadOnlyList<StoredMessage>> InsertAsync(IReadOnlyList<NewMessage> batch)
    {
        var at = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        long first = 0, last = 0;
        await using (var transaction = _connection.BeginTransaction())
        {
            _insert.Transaction = transaction;
            foreach (var message in batch)
            {
                _insert.Parameters["$author"].Value = message.AuthorId;
                _insert.Parameters["$body"].Value = message.Body;
                _insert.Parameters["$at"].Value = at;
                _insert.Parameters["$room"].Value = message.RoomId;
                last = (long)(await _insert.ExecuteScalarAsync())!;
                if (first == 0) first = last;
            }
            await transaction.CommitAsync();
        }
        _readBack.Parameters["$first"].Value = first;
        _readBack.Parameters["$last"].Value = last;
        var stored = new List<StoredMessage>(batch.Count);
        await using var reader = await _readBack.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            stored.Add(new StoredMessage(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        return stored;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _readBack.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$\w+").Select(m => m.Value).Distinct())
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}
