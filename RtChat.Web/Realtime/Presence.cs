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
    Task<IReadOnlyCollection<string>> OnlineInAsync(string room);
    Task<int> OnlineTotalAsync();

    /// <summary>Removes expired entries and returns the rooms they were in.</summary>
    Task<IReadOnlyCollection<string>> ExpireAsync();
}

internal sealed class InMemoryPresence(TimeProvider clock, RealtimeOptions options) : IPresence
{
    private sealed record Entry(string Room, string UserId, DateTimeOffset ExpiresAt);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public Task ConnectedAsync(string room, string userId, Guid connection)
    {
        _entries[connection] = new Entry(room, userId, Expiry());
        return Task.CompletedTask;
    }

    public Task DisconnectedAsync(Guid connection)
    {
        _entries.TryRemove(connection, out _);
        return Task.CompletedTask;
    }

    public Task RefreshAsync(IEnumerable<Guid> connections)
    {
        var expiry = Expiry();
        foreach (var connection in connections)
            if (_entries.TryGetValue(connection, out var entry))
                _entries.TryUpdate(connection, entry with { ExpiresAt = expiry }, entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyCollection<string>> OnlineInAsync(string room) =>
        Task.FromResult<IReadOnlyCollection<string>>(Live().Where(e => e.Room == room).Select(e => e.UserId).ToHashSet());

    public Task<int> OnlineTotalAsync() => Task.FromResult(Live().Select(e => e.UserId).Distinct().Count());

    public Task<IReadOnlyCollection<string>> ExpireAsync()
    {
        var now = clock.GetUtcNow();
        var rooms = new HashSet<string>();
        foreach (var (connection, entry) in _entries)
            if (entry.ExpiresAt <= now && _entries.TryRemove(connection, out _))
                rooms.Add(entry.Room);
        return Task.FromResult<IReadOnlyCollection<string>>(rooms);
    }

    private IEnumerable<Entry> Live()
    {
        var now = clock.GetUtcNow();
        return _entries.Values.Where(e => e.ExpiresAt > now);
    }

    private DateTimeOffset Expiry() => clock.GetUtcNow() + options.PresenceTtl;
}
