using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace RtChat.Web.Web;

/// <summary>
/// Answers worked out from their key alone, kept for a while so the work is not done again: each for at most
/// <c>keptFor</c>, and past <c>limit</c> entries the least recently used go.
/// </summary>
public sealed class Memo<TKey, TValue>(int limit, TimeSpan keptFor) : IDisposable where TKey : notnull
{
    private readonly MemoryCacheEntryOptions _entry = new() { Size = 1, AbsoluteExpirationRelativeToNow = keptFor };
    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = limit });

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value) => _kept.TryGetValue(key, out value);

    public void Keep(TKey key, TValue value) => _kept.Set(key, value, _entry);

    public void Dispose() => _kept.Dispose();
}
