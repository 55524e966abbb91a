using System.Collections.Concurrent;

namespace RtChat.Web.Realtime;

/// <summary>
/// Who is online, counted per connection: two tabs are one user, closing one keeps you online, and an entry
/// not refreshed within the TTL expires (a silent disconnect, a crashed node).
/// </summary>
public interface IPresence
{
    Task ConnectedAsync(string room, string userId, Guid connection);
    Task DisconnectedAsync(Guid connection);
    Task RefreshAsync(IEnumerable<Guid> connections);
    Task<IReadOnlySet<string>> OnlineInAsync(string room);
    Task<int> OnlineTotalAsync();

    /// <summary>Removes expired entries and returns the rooms they were in.</summary>
    Task<IReadOnlyCollection<string>> ExpireAsync();
}

internal sealed class InMemoryPresence(TimeProvider clock, RealtimeOptions options) : IPresence
{
    /// <summary>One connection; refreshing moves its expiry in place, seen by both indexes.</summary>
    private sealed class Entry(string room, string userId, DateTimeOffset expiresAt)
    {
        private long _expiresAtTicks = expiresAt.UtcTicks;

        public string Room { get; } = room;
        public string UserId { get; } = userId;

        public DateTimeOffset ExpiresAt
        {
            get => new(Volatile.Read(ref _expiresAtTicks), TimeSpan.Zero);
            set => Volatile.Write(ref _expiresAtTicks, value.UtcTicks);
        }
    }

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    // The same entries by room: a room's page and its presence updates read only that room, not every socket on the node.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Entry>> _rooms = new();

    public Task ConnectedAsync(string room, string userId, Guid connection)
    {
        var entry = new Entry(room, userId, Expiry());
        _entries[connection] = entry;
        _rooms.GetOrAdd(room, _ => new())[connection] = entry;
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

    public Task<IReadOnlySet<string>> OnlineInAsync(string room) =>
        Task.FromResult<IReadOnlySet<string>>(_rooms.TryGetValue(room, out var entries)
            ? Live(entries).Select(e => e.UserId).ToHashSet()
            : new HashSet<string>());

    public Task<int> OnlineTotalAsync() => Task.FromResult(Live(_entries).Select(e => e.UserId).Distinct().Count());

    public Task<IReadOnlyCollection<string>> ExpireAsync()
    {
        var now = clock.GetUtcNow();
        var rooms = new HashSet<string>();
        foreach (var (connection, entry) in _entries)
            if (entry.ExpiresAt <= now && Remove(connection) is { } removed)
                rooms.Add(removed.Room);
        return Task.FromResult<IReadOnlyCollection<string>>(rooms);
    }

    private Entry? Remove(Guid connection)
    {
        if (!_entries.TryRemove(connection, out var entry)) return null;
        if (_rooms.TryGetValue(entry.Room, out var room)) room.TryRemove(connection, out _);
        return entry;
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
