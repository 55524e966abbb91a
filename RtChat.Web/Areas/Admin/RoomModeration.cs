using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Domain.Moderation;
using RtChat.Web.Realtime;

namespace RtChat.Web.Areas.Admin;

/// <summary>What an admin does to rooms and messages; each change commits with its audit line.</summary>
public sealed class RoomModeration(AppDbContext db, AuditLog audit, RoomEvents events, MessageDeletion messages)
{
    public async Task RenameAsync(Actor by, ChatRoom room, string? title)
    {
        var before = room.DisplayTitle;
        room.RenameAsSiteAdmin(title);
        audit.Record(by, AuditAction.RoomRenamed, Label(room), $"“{before}” → “{room.DisplayTitle}”");
        await db.SaveChangesAsync();
    }

    /// <summary>The room, its memberships and messages go; its members' open pages are told and sent home, as for a group's own admin.</summary>
    public async Task DeleteAsync(Actor by, ChatRoom room)
    {
        room.EnsureDeletableBySiteAdmin();
        var members = await db.Memberships.Where(m => m.RoomId == room.Id).Select(m => m.UserId).ToListAsync();
        audit.Record(by, AuditAction.RoomDeleted, Label(room), $"{members.Count} members");
        db.Rooms.Remove(room);
        await db.SaveChangesAsync();
        await events.RoomDeletedAsync(room.Id, members);
    }

    /// <returns>False when there is no such message (any more).</returns>
    public async Task<bool> DeleteMessageAsync(Actor by, long messageId)
    {
        var message = await db.Messages.AsNoTracking().Where(m => m.Id == messageId)
            .Select(m => new { m.Author.UserName, m.Body, m.Room.Kind, m.Room.Title, m.Room.Name }).SingleOrDefaultAsync();
        if (message is null) return false;
        var room = ChatRoom.TitleFor(message.Kind, message.Title, message.Name);
        audit.Record(by, AuditAction.MessageDeleted, $"message {messageId} by @{message.UserName} in {room}", message.Body);
        return await messages.DeleteAsync(m => m.Id == messageId) == 1;
    }

    public static string Label(ChatRoom room) => $"{room.Kind.ToString().ToLowerInvariant()} room “{room.DisplayTitle}” ({room.Name})";
}
