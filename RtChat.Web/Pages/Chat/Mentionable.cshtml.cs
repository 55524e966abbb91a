using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Pages.Chat;

/// <summary>
/// <c>/chat/mentionable/{name}?q=al</c>: whom the composer offers after <c>@al</c>, as listbox options: the room's
/// members whose username starts so (in the public room, every user), the reader aside. Outsiders get 404.
/// </summary>
[Authorize]
public class MentionableModel(AppDbContext db, RoomCards rooms) : PageModel
{
    /// <summary>The most people offered at once.</summary>
    public const int Limit = 8;

    public IReadOnlyList<MemberCard> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string name, string? q)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var room = await rooms.FindAsync(db, name);
        if (room is null || !await room.CanBeReadByAsync(db, me)) return NotFound();
        var prefix = Username.Normalize((q ?? "").TrimStart('@'));
        if (prefix.Length > Username.MaxLength)
            return BadRequest($"A username is at most {Username.MaxLength} characters.");
        if (prefix.Any(c => !Username.AllowedCharacters.Contains(c))) return Partial("_MentionOptions", this);
        var upper = prefix.ToUpperInvariant();
        var users = room.Kind.IsReadByEveryone()
            ? db.Users.AsNoTracking()
            : db.Memberships.AsNoTracking().Where(m => m.RoomId == room.Id).Select(m => m.User);
        People = await users.Where(u => u.Id != me && u.NormalizedUserName!.StartsWith(upper))
            .OrderBy(u => u.NormalizedUserName).Take(Limit)
            .Select(u => new MemberCard(u.Id, u.UserName!, u.Profile.DisplayName ?? u.UserName!,
                u.Profile.AvatarKey == null ? Domain.Profile.DefaultAvatarUrl : "/media/" + u.Profile.AvatarKey, default))
            .ToListAsync();
        return Partial("_MentionOptions", this);
    }
}
