using Microsoft.EntityFrameworkCore;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data;

/// <summary>What a room's page needs to know of the room itself.</summary>
public sealed record RoomCard(int Id, string Name, RoomKind Kind, string? Title, string? AdminId)
{
    public string DisplayTitle => ChatRoom.TitleFor(Kind, Title, Name);

    public static RoomCard Of(ChatRoom room) => new(room.Id, room.Name, room.Kind, room.Title, room.AdminId);

    /// <summary>The read rule of <see cref="ChatRoom.CanBeReadBy"/>; membership is asked of the database each time, so a removal holds at once.</summary>
    public async Task<bool> CanBeReadByAsync(AppDbContext db, string userId) =>
        Kind.IsReadByEveryone() || await IsMember(db, Id, userId);

    private static readonly Func<AppDbContext, int, string, Task<bool>> IsMember =
        EF.CompileAsyncQuery((AppDbContext db, int roomId, string userId) => db.Memberships.Any(m => m.RoomId == roomId && m.UserId == userId));
}

/// <summary>Rooms by url name, read once and kept until a change to the room is committed.</summary>
public sealed class RoomCards : IDisposable
{
    /// <summary>Rooms whose card is kept.</summary>
    public const int Limit = 10_000;

    private readonly ReadCache<string, RoomCard> _cards = new(Limit);

    private static readonly Func<AppDbContext, string, Task<RoomCard?>> ByName =
        EF.CompileAsyncQuery((AppDbContext db, string name) =>
            db.Rooms.AsNoTracking().Where(r => r.Name == name).Select(r => new RoomCard(r.Id, r.Name, r.Kind, r.Title, r.AdminId)).SingleOrDefault());

    /// <summary>The room named <paramref name="name"/>; none names the public room.</summary>
    public Task<RoomCard?> FindAsync(AppDbContext db, string? name) => _cards.GetAsync(name ?? ChatRoom.PublicChatName, key => ByName(db, key));

    public void Forget(string name) => _cards.Forget(name);

    public void ForgetAll() => _cards.ForgetAll();

    public void Dispose() => _cards.Dispose();
}
