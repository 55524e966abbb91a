using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data;

public static class GroupRooms
{
    /// <summary>The group with every member and removal, for its admin only: anyone else finds nothing.</summary>
    public static async Task<ChatRoom?> FindGroupForAdminAsync(this AppDbContext db, string name, string userId) =>
        await db.FindWholeAsync(name) is { } room && room.IsAdmin(userId) ? room : null;

    /// <summary>The group with every member, for its members only.</summary>
    public static async Task<ChatRoom?> FindGroupForMemberAsync(this AppDbContext db, string name, string userId) =>
        await db.FindWholeAsync(name) is { Kind: RoomKind.Group } room && room.IsMember(userId) ? room : null;
}
