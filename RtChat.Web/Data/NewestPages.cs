namespace RtChat.Web.Data;

/// <summary>
/// Each room's newest page, read once and kept until a message of the room, or an author's name or avatar on it,
/// changes (<see cref="CacheForgetting"/>): every visit and reload of a room reads it.
/// </summary>
public sealed class NewestPages : IDisposable
{
    /// <summary>Rooms whose newest page is kept (30 message views each).</summary>
    public const int Limit = 1_000;

    private readonly ReadCache<int, HistoryPage> _pages = new(Limit);

    // A room always has a newest page (perhaps empty), so the read never finds nothing.
    public async Task<HistoryPage> GetAsync(int roomId, Func<int, Task<HistoryPage>> read) => (await _pages.GetAsync(roomId, read!))!;

    public void Forget(int roomId) => _pages.Forget(roomId);

    public void ForgetAll() => _pages.ForgetAll();

    public void Dispose() => _pages.Dispose();
}
