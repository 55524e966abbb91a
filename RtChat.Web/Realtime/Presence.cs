using System.Collections.Concurrent;

namespace RtChat.Web.Realtime;

/// <summary>
/// Who is online, counted per connection: two tabs are one user, closing one keeps you online, and an entry
/// not refreshed within the TTL expires (a silent disconnect, a crashed node).
/// </summary>
public interface IPresence
{
    /// <summary>A socket opened on a room's page, or with no room, elsewhere on the site (online, in no room).</summary>
    Task ConnectedAsync(int? roomId, string userId, Guid connection);
    Task DisconnectedAsync(Guid connection);
    Task RefreshAsync(IEnumerable<Guid> connections);
    Task<IReadOnlySet<string>> OnlineInAsync(int roomId);
    /// <summary>People online anywhere on the site; kept as a count, not counted per call (every page shows it).</summary>
    Task<int> OnlineTotalAsync();

    /// <summary>Removes expired entries and returns the rooms they were in.</summary>
    Task<IReadOnlyCollection<int>> ExpireAsync();
}

internal sealed class InMemoryPresence(TimeProvider clock, RealtimeOptions options) : IPresence
{
    /// <summary>One connection; refreshing moves its expiry in place, seen by both indexes.</summary>
    private sealed class Entry(int? roomId, string userId, DateTimeOffset expiresAt)
    {
        private long _expiresAtTicks = expiresAt.UtcTicks;

        public int? RoomId { get; } = roomId;
        public string UserId { get; } = userId;

        public DateTimeOffset ExpiresAt
        {
            get => new(Volatile.Read(ref _expiresAtTicks), TimeSpan.Zero);
            set => Volatile.Write(ref _expiresAtTicks, value.UtcTicks);
        }
    }

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    // The same entries by room: a room's page and its presence updates read only that room, not every socket on the node.
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Entry>> _rooms = new();

    // Connections per user, and how many users have one: the site-wide total without walking every connection.
    private readonly ConcurrentDictionary<string, int> _connectionsByUser = new();
    private int _usersOnline;

    public Task ConnectedAsync(int? roomId, string userId, Guid connection)
    {
        var entry = new Entry(roomId, userId, Expiry());
        if (!_entries.TryAdd(connection, entry)) return Task.CompletedTask;
        if (roomId is { } id) _rooms.GetOrAdd(id, _ => new())[connection] = entry;
        if (_connectionsByUser.AddOrUpdate(userId, 1, (_, count) => count + 1) == 1) Interlocked.Increment(ref _usersOnline);
        return Task.CompletedTask;
    }

    public Task DisconnectedAsync(Guid connection)
    {
        Remove(connection);
        return Task.CompletedTask;
    }

    public Task RefreshAsync(IEnumerable<Guid> connections)
    {
        var expiry = Expiry();
        foreach (var connection in connections)
            if (_entries.TryGetValue(connection, out var entry))
                entry.ExpiresAt = expiry;
        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<string>> OnlineInAsync(int roomId) =>
        Task.FromResult<IReadOnlySet<string>>(_rooms.TryGetValue(roomId, out var entries)
            ? Live(entries).Select(e => e.UserId).ToHashSet()
            : new HashSet<string>());

    public Task<int> OnlineTotalAsync() => Task.FromResult(Volatile.Read(ref _usersOnline));

    public Task<IReadOnlyCollection<int>> ExpireAsync()
    {
        var now = clock.GetUtcNow();
        var rooms = new HashSet<int>();
        foreach (var (connection, entry) in _entries)
            if (entry.ExpiresAt <= now && Remove(connection) is { RoomId: { } roomId })
                rooms.Add(roomId);
        return Task.FromResult<IReadOnlyCollection<int>>(rooms);
    }

    private Entry? Remove(Guid connection)
    {
        if (!_entries.TryRemove(connection, out var entry)) return null;
        if (entry.RoomId is { } id && _rooms.TryGetValue(id, out var room)) room.TryRemove(connection, out _);
        ForgetConnectionOf(entry.UserId);
        return entry;
    }

    private void ForgetConnectionOf(string userId)
    {
        while (true)
        {
            var count = _connectionsByUser.GetValueOrDefault(userId);
            if (count == 0) return;
            if (count == 1)
            {
                if (!_connectionsByUser.TryRemove(new KeyValuePair<string, int>(userId, count))) continue;
                Interlocked.Decrement(ref _usersOnline);
                return;
            }
            if (_connectionsByUser.TryUpdate(userId, count - 1, count)) return;
        }
    }

    private IEnumerable<Entry> Live(ConcurrentDictionary<Guid, Entry> entries)
    {
        var now = clock.GetUtcNow();
        foreach (var (_, entry) in entries)
            if (entry.ExpiresAt > now)
                yield return entry;
    }

    private DateTimeOffset Expiry() => clock.GetUtcNow() + options.PresenceTtl;
}
