using Microsoft.EntityFrameworkCore;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data;

/// <summary>What a new message refers to, found before the room's rules decide what it keeps.</summary>
public static class MessageReferences
{
    /// <summary>The message <paramref name="replyToId"/> names and where it is (nowhere once deleted); none when no id is given.</summary>
    public static async Task<ReplyTarget?> ReplyTargetAsync(this AppDbContext db, long? replyToId, CancellationToken cancellationToken = default) =>
        replyToId is not { } id ? null
            : new ReplyTarget(id, await db.Messages.Where(m => m.Id == id && m.DeletedAt == null).Select(m => (int?)m.RoomId).FirstOrDefaultAsync(cancellationToken));

    /// <summary>
    /// The users <paramref name="body"/> names with <c>@username</c>, with their memberships of <paramref name="room"/>
    /// loaded into it (so its read rule answers for them). A body without <c>@</c> reads nothing.
    /// </summary>
    public static async Task<IReadOnlyCollection<MentionedUser>> MentionableAsync(this AppDbContext db, ChatRoom room, string? body,
        CancellationToken cancellationToken = default)
    {
        var names = Mentions.Named(body);
        if (names.Count == 0) return [];
        var normalized = names.Select(n => n.ToUpperInvariant()).ToList();
        var users = await db.Users.AsNoTracking().Where(u => normalized.Contains(u.NormalizedUserName!))
            .Select(u => new MentionedUser(u.Id, u.UserName!)).ToListAsync(cancellationToken);
        if (users.Count > 0 && !room.Kind.IsReadByEveryone())
        {
            var ids = users.Select(u => u.Id).ToList();
            await db.Entry(room).Collection(r => r.Members).Query().Where(m => ids.Contains(m.UserId)).LoadAsync(cancellationToken);
        }
        return users;
    }
}
