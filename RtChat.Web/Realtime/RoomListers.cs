using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>Who has a room in their chat list: everyone for the public room, the members (read when asked) for the others.</summary>
public sealed class RoomListers(IServiceScopeFactory scopes)
{
    /// <summary>For a room whose kind the caller knows (a message's): no query for the public room.</summary>
    public async Task<Audience> OfAsync(int roomId, RoomKind kind, CancellationToken cancellationToken = default)
    {
        if (kind.IsReadByEveryone()) return Audience.Everyone;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return Audience.Users(await db.Memberships.Where(m => m.RoomId == roomId).Select(m => m.UserId).ToListAsync(cancellationToken));
    }

    public async Task<Audience> OfAsync(int roomId, CancellationToken cancellationToken = default)
    {
        RoomKind kind;
        await using (var scope = scopes.CreateAsyncScope())
            kind = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Rooms.Where(r => r.Id == roomId).Select(r => r.Kind)
                .SingleOrDefaultAsync(cancellationToken);
        return await OfAsync(roomId, kind, cancellationToken);
    }
}
