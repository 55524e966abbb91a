using Microsoft.EntityFrameworkCore;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data;

/// <summary>A room's message changes by id, for pages that were away: each read is one index range scan.</summary>
public static class ChangeLog
{
    private static readonly Func<AppDbContext, int, Task<long?>> Newest = EF.CompileAsyncQuery((AppDbContext db, int roomId) =>
        db.MessageChanges.Where(c => c.RoomId == roomId).Max(c => (long?)c.Id));

    /// <summary>The id of the room's newest change (0: none yet).</summary>
    public static async Task<long> NewestChangeAsync(this AppDbContext db, int roomId) => await Newest(db, roomId) ?? 0;

    /// <summary>Up to <paramref name="limit"/> + 1 changes after <paramref name="afterId"/>, oldest first, so the caller sees when there are too many.</summary>
    public static async Task<IReadOnlyList<MessageChange>> ChangesAfterAsync(this AppDbContext db, int roomId, long afterId, int limit,
        CancellationToken cancellationToken = default) =>
        await db.MessageChanges.AsNoTracking().Where(c => c.RoomId == roomId && c.Id > afterId).OrderBy(c => c.Id).Take(limit + 1)
            .ToListAsync(cancellationToken);

    /// <summary>The newest <paramref name="limit"/> changes at or below <paramref name="upToId"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<MessageChange>> ChangesUpToAsync(this AppDbContext db, int roomId, long upToId, int limit,
        CancellationToken cancellationToken = default)
    {
        var newestFirst = await db.MessageChanges.AsNoTracking().Where(c => c.RoomId == roomId && c.Id <= upToId)
            .OrderByDescending(c => c.Id).Take(limit).ToListAsync(cancellationToken);
        newestFirst.Reverse();
        return newestFirst;
    }
}
