using Microsoft.EntityFrameworkCore;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data;

public static class PrivateChats
{
    /// <summary>
    /// The one private room of the two users: found, or made now. When both start it at once, the database's unique pair
    /// key lets one insert win; the other reads the winner's room.
    /// </summary>
    public static async Task<ChatRoom> OpenPrivateAsync(this AppDbContext db, string userId, string otherId, DateTimeOffset now)
    {
        var key = RoomKeys.Pair(userId, otherId);
        if (await db.Rooms.SingleOrDefaultAsync(r => r.PairKey == key) is { } existing) return existing;
        var room = ChatRoom.OpenPrivate(userId, otherId, now);
        db.Rooms.Add(room);
        try
        {
            await db.SaveChangesAsync();
            return room;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.Rooms.SingleOrDefaultAsync(r => r.PairKey == key) ?? throw new InvalidOperationException("The private room could not be made.");
        }
    }
}
