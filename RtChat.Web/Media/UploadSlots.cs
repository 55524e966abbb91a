namespace RtChat.Web.Media;

/// <summary>
/// Uploads in flight, per user and on this node. A slot is taken before the body is read, so past the caps a request
/// is answered 429 without its bytes ever being held: memory stays bounded however many upload at once.
/// </summary>
public sealed class UploadSlots(MediaOptions options)
{
    public const string PerUserRefusal = "You have other uploads in progress. Wait for them to finish, then try again.";
    public const string BusyRefusal = "Too many uploads are in progress right now. Try again in a moment.";

    private readonly Dictionary<string, int> _byUser = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _total;

    /// <summary>A slot to dispose when the upload ends, or the reason there is none.</summary>
    public (IDisposable? Slot, string? Refusal) TryTake(string userId)
    {
        lock (_lock)
        {
            var mine = _byUser.GetValueOrDefault(userId);
            if (mine >= options.MaxUploadsPerUser) return (null, PerUserRefusal);
            if (_total >= options.MaxUploadsInFlight) return (null, BusyRefusal);
            _byUser[userId] = mine + 1;
            _total++;
        }
        return (new Slot(this, userId), null);
    }

    public int InFlight
    {
        get { lock (_lock) return _total; }
    }

    private void Give(string userId)
    {
        lock (_lock)
        {
            _total--;
            if (_byUser[userId] == 1) _byUser.Remove(userId);
            else _byUser[userId]--;
        }
    }

    private sealed class Slot(UploadSlots slots, string userId) : IDisposable
    {
        private int _given;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _given, 1) == 0) slots.Give(userId);
        }
    }
}
