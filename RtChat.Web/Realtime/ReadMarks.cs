using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>
/// What pages say their readers have seen of their room, written to the reader's membership at most once per interval
/// (a busy room's readers would otherwise write once per message each), and then told to the reader's other pages, so
/// their chat list clears the room's badge. Reading the public room makes its membership, which only keeps the mark.
/// </summary>
public sealed class ReadMarks(IServiceScopeFactory scopes, ChatFrames frames, IBackplane backplane, TimeProvider clock, ILogger<ReadMarks> logger)
    : PeriodicWork(Interval, clock, logger)
{
    protected override string Name => "Writing read marks";

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(int RoomId, string UserId), long> _marks = new();

    public void Mark(int roomId, string userId, long messageId) =>
        _marks.AddOrUpdate((roomId, userId), messageId, (_, seen) => Math.Max(seen, messageId));

    protected internal override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (_marks.IsEmpty) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var key in _marks.Keys)
        {
            if (!_marks.TryRemove(key, out var messageId)) continue;
            if (!await MarkAsync(db, key.RoomId, key.UserId, messageId, cancellationToken)) continue;
            await backplane.PublishAsync(await frames.ReadAsync(key.RoomId, key.UserId), cancellationToken);
        }
    }

    private async Task<bool> MarkAsync(AppDbContext db, int roomId, string userId, long messageId, CancellationToken cancellationToken)
    {
        var marked = await db.Memberships.Where(m => m.RoomId == roomId && m.UserId == userId && m.LastReadMessageId < messageId)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.LastReadMessageId, messageId), cancellationToken);
        if (marked > 0) return true;
        var room = await db.FindForUserAsync(roomId, userId, cancellationToken);
        if (room is null || room.IsMember(userId) || !room.Kind.IsReadByEveryone()) return false;
        room.Join(userId, Clock.GetUtcNow()).MarkRead(messageId);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }
}
