using RtChat.Web.Data;

namespace RtChat.Web.Realtime;

/// <summary>
/// Tells a room's pages who is typing there: at most one frame per room per <c>Realtime:TypingInterval</c>, when someone
/// started or stopped, rendered once for the room's sockets on this node. Every node hears every signal
/// (<see cref="IOtherNodes.Typing"/>), so each tells its own sockets the same list, as presence does.
/// </summary>
public sealed class TypingPublisher(
    TypingRooms rooms, TypingThrottle throttle, IOtherNodes otherNodes, LocalSockets sockets, ChatFrames frames, UserCards cards,
    IServiceScopeFactory scopes, RealtimeOptions options, TimeProvider clock, ILogger<TypingPublisher> logger)
    : PeriodicWork(options.TypingInterval, clock, logger)
{
    protected override string Name => "Typing update";

    /// <summary>A room page's reader is typing (the socket's room is one they may post in); a user's flood is ignored.</summary>
    public void Typed(int roomId, string userId)
    {
        if (!throttle.TryAcquire(userId)) return;
        rooms.Mark(roomId, userId);
        otherNodes.Typing(roomId, userId);
    }

    /// <summary>A page opened on the room (its socket already gets the room's frames): it learns who is typing there.</summary>
    public void Opened(int roomId) => rooms.Opened(roomId);

    protected internal override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var changes = rooms.TakeChanges();
        if (changes.Count == 0) return;
        var here = sockets.RoomIds.ToHashSet();
        changes = [.. changes.Where(change => here.Contains(change.RoomId))];
        if (changes.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var (roomId, userIds) in changes)
        {
            var typers = new List<UserCard>();
            foreach (var userId in userIds)
                if (await cards.GetAsync(db, userId) is { } card) typers.Add(card);
            sockets.Deliver(await frames.TypingAsync(roomId, [.. typers.OrderBy(card => card.Name, StringComparer.CurrentCultureIgnoreCase)]));
        }
    }
}
