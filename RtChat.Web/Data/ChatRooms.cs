using Microsoft.EntityFrameworkCore;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data;

public static class ChatRooms
{
    /// <summary>The room by url name with the given user's membership loaded (enough for the read rule).</summary>
    public static Task<ChatRoom?> FindForUserAsync(this AppDbContext db, string? name, string userId, CancellationToken cancellationToken = default) =>
        db.Rooms
            .Include(r => r.Members.Where(m => m.UserId == userId))
            .SingleOrDefaultAsync(r => r.Name == (name ?? ChatRoom.PublicChatName), cancellationToken);
}
