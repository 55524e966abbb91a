using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RtChat.Bench.Clients;

/// <summary>
/// The running app's SQLite file, opened beside it (WAL allows it). The app has no way yet to create group rooms, so the
/// bench inserts them and their members here, in the app's own schema (Data/Migrations/Sqlite), and counts what
/// was persisted. Nothing in the app changes for the bench.
/// </summary>
public sealed class BenchDatabase(string path)
{
    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString());
        connection.Open();
        using var busy = connection.CreateCommand();
        busy.CommandText = "PRAGMA busy_timeout = 30000;";
        busy.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Fills in each user's Identity id from the users table.</summary>
    public void LoadUserIds(IReadOnlyList<AppUser> users)
    {
        var ids = IdsByName("SELECT UserName, Id FROM AspNetUsers", (reader, column) => reader.GetString(column));
        foreach (var user in users)
            user.Id = ids.TryGetValue(user.Username, out var id) ? id : throw new InvalidOperationException($"{user.Username} is not in the database.");
    }

    /// <summary>Creates group rooms <c>{name}</c> with the given members (the first is the room's admin), in one transaction.</summary>
    public void CreateGroupRooms(IReadOnlyList<(string Name, IReadOnlyList<AppUser> Members)> rooms)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var (name, members) in rooms)
        {
            using var room = connection.CreateCommand();
            room.Transaction = transaction;
            room.CommandText = """
                INSERT INTO Rooms (Name, Kind, Title, AdminId, CreatedAt) VALUES ($name, 1, $title, $admin, $now);
                SELECT last_insert_rowid();
                """;
            room.Parameters.AddWithValue("$name", name);
            room.Parameters.AddWithValue("$title", "Bench " + name);
            room.Parameters.AddWithValue("$admin", members[0].Id);
            room.Parameters.AddWithValue("$now", now);
            var roomId = (long)room.ExecuteScalar()!;
            foreach (var member in members)
            {
                using var membership = connection.CreateCommand();
                membership.Transaction = transaction;
                membership.CommandText = "INSERT INTO Memberships (RoomId, UserId, JoinedAt, LastReadMessageId) VALUES ($room, $user, $now, 0)";
                membership.Parameters.AddWithValue("$room", roomId);
                membership.Parameters.AddWithValue("$user", member.Id);
                membership.Parameters.AddWithValue("$now", now);
                membership.ExecuteNonQuery();
            }
        }
        transaction.Commit();
    }

    /// <summary>The newest message id (0 when there is none).</summary>
    public long MaxMessageId()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(Id), 0) FROM Messages";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The ids of the rooms named <paramref name="names"/>, in that order.</summary>
    public IReadOnlyList<int> RoomIds(IReadOnlyList<string> names)
    {
        var ids = IdsByName("SELECT Name, Id FROM Rooms", (reader, column) => reader.GetInt32(column));
        return names.Select(name => ids.TryGetValue(name, out var id) ? id : throw new InvalidOperationException($"No room {name}.")).ToList();
    }

    /// <summary>A query's rows of (name, id) as a dictionary.</summary>
    private Dictionary<string, T> IdsByName<T>(string sql, Func<SqliteDataReader, int, T> id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var ids = new Dictionary<string, T>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            ids[reader.GetString(0)] = id(reader, 1);
        return ids;
    }

    /// <summary>Every message of room <paramref name="roomId"/> with an id above <paramref name="afterId"/>: id and body, in id order.</summary>
    public IReadOnlyList<(long Id, string Body)> MessagesAfter(int roomId, long afterId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Body FROM Messages WHERE RoomId = $room AND Id > $after ORDER BY Id";
        command.Parameters.AddWithValue("$room", roomId);
        command.Parameters.AddWithValue("$after", afterId);
        var messages = new List<(long, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            messages.Add((reader.GetInt64(0), reader.GetString(1)));
        return messages;
    }

    /// <summary>Messages committed with an id above <paramref name="afterId"/>.</summary>
    public long CountMessagesAfter(long afterId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Messages WHERE Id > $after";
        command.Parameters.AddWithValue("$after", afterId);
        return (long)command.ExecuteScalar()!;
    }
}
