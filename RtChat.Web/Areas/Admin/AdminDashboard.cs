using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Realtime;

namespace RtChat.Web.Areas.Admin;

public sealed record StoredFiles(int Count, long Bytes);

public sealed record DashboardFigures(int Users, IReadOnlyDictionary<RoomKind, int> RoomsByKind, int MessagesToday, int OnlineNow,
    StoredFiles Uploads, int Avatars);

/// <summary>The dashboard's figures, read when it is opened (an admin page is rare; nothing here is kept).</summary>
public sealed class AdminDashboard(AppDbContext db, IPresence presence, TimeProvider clock)
{
    public async Task<DashboardFigures> ReadAsync()
    {
        var rooms = await db.Rooms.GroupBy(r => r.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync();
        var midnight = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        return new DashboardFigures(
            await db.Users.CountAsync(),
            Enum.GetValues<RoomKind>().ToDictionary(kind => kind, kind => rooms.SingleOrDefault(r => r.Kind == kind)?.Count ?? 0),
            await MessagesSinceAsync(midnight),
            await presence.OnlineTotalAsync(),
            await SharedFilesAsync(),
            await db.Profiles.CountAsync(p => p.AvatarKey != null));
    }

    private Task<int> MessagesSinceAsync(DateTimeOffset since) => db.Database.IsSqlite()
        // SQLite keeps the time as text, which EF does not compare; every time is stored in UTC (+00:00), so the text sorts as the time.
        ? db.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM Messages WHERE CreatedAt >= {since.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)}").SingleAsync()
        : db.Messages.CountAsync(m => m.CreatedAt >= since);

    /// <summary>Files shared in chats: how many, and their stored bytes (pictures as re-encoded, thumbnails aside).</summary>
    private async Task<StoredFiles> SharedFilesAsync() =>
        new(await db.Attachments.CountAsync(), await db.Attachments.SumAsync(a => (long?)a.Size) ?? 0);
}
