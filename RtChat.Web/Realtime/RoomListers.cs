using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>
/// Who has a room in their chat list: everyone for the public room, the members for the others. Members are read when
/// asked (they change); a room's kind never changes, so it is kept.
/// </summary>
public sealed class RoomListers(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<int, RoomKind> _kinds = new();

    public async Task<Audience> OfAsync(int roomId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!_kinds.TryGetValue(roomId, out var kind))
        {
            kind = await db.Rooms.Where(r => r.Id == roomId).Select(r => r.Kind).SingleOrDefaultAsync(cancellationToken);
            _kinds.TryAdd(roomId, kind);
        }
        if (kind.IsReadByEveryone()) return Audience.Everyone;
        var members = await db.Memberships.Where(m => m.RoomId == roomId).Select(m => m.UserId).ToListAsync(cancellationToken);
        return Audience.Users(members);
    }
}
