using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data;

/// <summary>A member as room headers and member lists show them.</summary>
/// <param name="Since">When they joined; for those removed, when they were removed.</param>
public sealed record MemberCard(string Id, string Username, string Name, string AvatarUrl, DateTimeOffset Since);

public static class RoomMembers
{
    public static readonly Expression<Func<Membership, MemberCard>> ToCard = m => new MemberCard(m.UserId, m.User.UserName!,
        m.User.Profile.DisplayName ?? m.User.UserName!,
        m.User.Profile.AvatarKey == null ? Profile.DefaultAvatarUrl : "/media/" + m.User.Profile.AvatarKey, m.JoinedAt);

    private static readonly Func<AppDbContext, int, IAsyncEnumerable<MemberCard>> OfRoom =
        EF.CompileAsyncQuery((AppDbContext db, int roomId) => db.Memberships.AsNoTracking().Where(m => m.RoomId == roomId).Select(ToCard));

    /// <summary>The room's members, longest-standing first (sorted here: SQLite cannot order by a DateTimeOffset).</summary>
    public static async Task<IReadOnlyList<MemberCard>> MembersAsync(this AppDbContext db, int roomId)
    {
        var members = new List<MemberCard>();
        await foreach (var member in OfRoom(db, roomId))
            members.Add(member);
        return members.OrderBy(m => m.Since).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Those the admin removed and has not let back in, most recent first.</summary>
    public static async Task<IReadOnlyList<MemberCard>> RemovedAsync(this AppDbContext db, int roomId) =>
        (await db.Removals.AsNoTracking().Where(r => r.RoomId == roomId)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new MemberCard(u.Id, u.UserName!, u.Profile.DisplayName ?? u.UserName!,
                u.Profile.AvatarKey == null ? Profile.DefaultAvatarUrl : "/media/" + u.Profile.AvatarKey, r.RemovedAt))
            .ToListAsync()).OrderByDescending(m => m.Since).ToList();
}
