using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Filters;
using RtChat.Web.Data;

namespace RtChat.Web.Areas.Admin;

/// <summary>
/// The admin area does not exist for anyone outside the <c>Admin</c> role: every address answers our 404, signed in or
/// not, GET or POST (before the antiforgery check, so a post without a token says nothing either). The role is asked
/// of the database, so a revoked admin's older cookie opens nothing.
/// </summary>
internal sealed class AdminOnlyFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var userId = context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        if (userId is null || !await db.IsAdminAsync(userId))
            context.Result = new NotFoundResult();
    }
}
