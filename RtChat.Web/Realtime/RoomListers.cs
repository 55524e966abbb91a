using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>Who has a room in their chat list: everyone for the public room, the members (read when asked) for the others.</summary>
public sealed class RoomListers(IServiceScopeFactory scopes)
{
    /// <summary>
    /// For rooms whose kinds the caller knows (a batch of messages'): no query for the public room, one for all the others;
    /// a query a message would hold each of the commit loop's broadcasts behind a database round trip.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, Audience>> OfAsync(IEnumerable<(int RoomId, RoomKind Kind)> rooms, CancellationToken cancellationToken = default)
    {
        var listers = new Dictionary<int, Audience>();
        var membersOnly = new HashSet<int>();
        foreach (var (roomId, kind) in rooms)
            if (kind.IsReadByEveryone()) listers[roomId] = Audience.Everyone;
            else membersOnly.Add(roomId);
        if (membersOnly.Count == 0) return listers;
        await using var scope = scopes.CreateAsyncScope();
        var members = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Memberships
            .Where(m => membersOnly.Contains(m.RoomId)).Select(m => new { m.RoomId, m.UserId }).ToListAsync(cancellationToken);
        var byRoom = members.ToLookup(m => m.RoomId, m => m.UserId);
        foreach (var roomId in membersOnly)
            listers[roomId] = Audience.Users(byRoom[roomId].ToList());
        return listers;
    }

    public async Task<Audience> OfAsync(int roomId, CancellationToken cancellationToken = default)
    {
        RoomKind kind;
        await using (var scope = scopes.CreateAsyncScope())
            kind = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Rooms.Where(r => r.Id == roomId).Select(r => r.Kind)
                .SingleOrDefaultAsync(cancellationToken);
        return (await OfAsync([(roomId, kind)], cancellationToken))[roomId];
    }
}
