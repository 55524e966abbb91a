using Microsoft.EntityFrameworkCore;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data;

public static class ChatRooms
{
    // Compiled once: every message sent and every socket opened runs this look-up.
    private static readonly Func<AppDbContext, string, string, CancellationToken, Task<ChatRoom?>> FindForUser =
        EF.CompileAsyncQuery((AppDbContext db, string name, string userId, CancellationToken _) =>
            db.Rooms.Include(r => r.Members.Where(m => m.UserId == userId)).SingleOrDefault(r => r.Name == name));

    /// <summary>The room by url name with the given user's membership loaded (enough for the read rule).</summary>
    public static Task<ChatRoom?> FindForUserAsync(this AppDbContext db, string? name, string userId, CancellationToken cancellationToken = default) =>
        FindForUser(db, name ?? ChatRoom.PublicChatName, userId, cancellationToken);

    public static Task<ChatRoom?> FindForUserAsync(this AppDbContext db, int roomId, string userId, CancellationToken cancellationToken = default) =>
        db.Rooms.Include(r => r.Members.Where(m => m.UserId == userId)).SingleOrDefaultAsync(r => r.Id == roomId, cancellationToken);

    /// <summary>The room with every member and removal: what a change of membership works on.</summary>
    public static Task<ChatRoom?> FindWholeAsync(this AppDbContext db, string? name, CancellationToken cancellationToken = default) =>
        db.Rooms.Include(r => r.Members).Include(r => r.Removals).AsSplitQuery().SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
}
