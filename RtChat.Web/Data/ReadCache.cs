using Microsoft.Extensions.Caching.Memory;

namespace RtChat.Web.Data;

/// <summary>
/// Values read from the database, kept until a committed change forgets them (<see cref="CacheForgetting"/>).
/// A load that overlaps a forget of its key is returned but not kept: it may have read the database before the change
/// was committed. Nothing is kept for a load that finds nothing. Bounded: past the limit the least recently used go.
/// </summary>
public sealed class ReadCache<TKey, TValue>(int limit) : IDisposable where TKey : notnull where TValue : class
{
    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1 };
    private readonly MemoryCache _slots = new(new MemoryCacheOptions { SizeLimit = limit });

    public async Task<TValue?> GetAsync(TKey key, Func<TKey, Task<TValue?>> load)
    {
        if (_slots.TryGetValue(key, out Slot? kept) && kept!.Value is { } hit) return hit;
        // A load keeps its answer in the slot it started with; a forget takes that slot out for good, so an answer
        // read before the change lands in a slot nobody looks in.
        var slot = kept ?? _slots.Set(key, new Slot(), Entry);
        var value = await load(key);
        if (value is not null) slot.Value = value;
        return value;
    }

    /// <summary>Drops the key; a load of it under way will not be kept.</summary>
    public void Forget(TKey key) => _slots.Remove(key);

    public void ForgetAll() => _slots.Clear();

    public void Dispose() => _slots.Dispose();

    private sealed class Slot
    {
        public volatile TValue? Value;
    }
}
