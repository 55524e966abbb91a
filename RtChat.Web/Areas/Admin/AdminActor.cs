using System.Security.Claims;
using RtChat.Web.Domain.Moderation;

namespace RtChat.Web.Areas.Admin;

public static class AdminActor
{
    /// <summary>The signed-in admin as the audit log names them: their id, and their username as it is now.</summary>
    public static Actor AsActor(this ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), "@" + user.Identity?.Name);
}
