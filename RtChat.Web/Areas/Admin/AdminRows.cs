using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Areas.Admin;

public sealed record MessageRow(long Id, DateTimeOffset CreatedAt, string AuthorId, string AuthorUsername, int RoomId, string RoomTitle, string Body);

public sealed record RoomRow(int Id, string Name, RoomKind Kind, string? Title, DateTimeOffset CreatedAt, int Members, int Messages)
{
    public string DisplayTitle => ChatRoom.TitleFor(Kind, Title, Name);
}

/// <summary>How the admin lists show messages and rooms, wherever they list them.</summary>
public static class AdminRows
{
    public static IQueryable<MessageRow> MessageRows(this IQueryable<ChatMessage> messages) =>
        messages.OrderByDescending(m => m.Id).Select(m => new MessageRow(m.Id, m.CreatedAt, m.AuthorId, m.Author.UserName!, m.RoomId,
            m.Room.Kind == RoomKind.Public ? "Public chat" : m.Room.Kind == RoomKind.Private ? "Private chat" : m.Room.Title ?? m.Room.Name,
            m.Body));

    public static IQueryable<RoomRow> RoomRows(this IQueryable<ChatRoom> rooms, AppDbContext db) =>
        rooms.OrderBy(r => r.Id).Select(r => new RoomRow(r.Id, r.Name, r.Kind, r.Title, r.CreatedAt, r.Members.Count,
            db.Messages.Count(m => m.RoomId == r.Id)));
}
