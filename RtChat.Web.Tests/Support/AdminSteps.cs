using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Areas.Admin;
using RtChat.Web.Data;
using RtChat.Web.Domain;
using RtChat.Web.Domain.Moderation;

namespace RtChat.Web.Tests.Support;

/// <summary>The admin area's steps: making admins, posting its forms, reading the audit log.</summary>
public static class AdminSteps
{
    public static string UserPath(string id, string? handler = null) => AdminUrls.User(id) + (handler is null ? "" : "?handler=" + handler);

    public static string RoomPath(int id, string? handler = null) => AdminUrls.Room(id) + (handler is null ? "" : "?handler=" + handler);

    public const string DeleteMessagePath = AdminUrls.Messages + "?handler=Delete";

    /// <summary>Puts <paramref name="user"/> in the Admin role, as create-admin or another admin would.</summary>
    public static async Task MakeAdminAsync(this RtChatApp app, TestUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var found = await users.FindByEmailAsync(user.Email) ?? throw new AssertionException($"No user {user.Username}.");
        var added = await users.AddToRoleAsync(found, Admins.Role);
        Assert.That(added.Succeeded, string.Join(" ", added.Errors.Select(e => e.Description)));
    }

    /// <summary>A new confirmed user, signed in, in the Admin role.</summary>
    public static async Task<(WebSession Web, TestUser User)> SignedUpAdminAsync(this RtChatApp app, string prefix = "admin")
    {
        var (web, user) = await app.SignedUpConfirmedAsync(prefix);
        await app.MakeAdminAsync(user);
        return (web, user);
    }

    public static Task<bool> IsAdminAsync(this RtChatApp app, string userId) => app.QueryAsync(db => db.IsAdminAsync(userId));

    /// <summary>The audit log's lines about <paramref name="target"/> (its Target contains it), oldest first.</summary>
    public static Task<List<AuditEntry>> AuditAboutAsync(this RtChatApp app, string target) =>
        app.QueryAsync(db => db.AuditLog.AsNoTracking().Where(e => e.Target.Contains(target)).OrderBy(e => e.Id).ToListAsync());
}

/// <summary>Waiting on a page whose session an action ended.</summary>
public static class SessionEndedSteps
{
    /// <summary>Waits for the session-ended notice and the socket's close (policy violation: the page does not reconnect); returns the notice.</summary>
    public static async Task<string> WaitForSessionEndedAsync(this ChatSocket socket)
    {
        var frame = await socket.WaitForAsync(f => f.Contains("data-testid=\"session-ended\"", StringComparison.Ordinal), "the session-ended notice");
        await socket.WaitForEndAsync();
        Assert.That(socket.Socket.CloseStatus, Is.EqualTo(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation), socket.Failure?.Message);
        return frame;
    }
}
