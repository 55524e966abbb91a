using Microsoft.EntityFrameworkCore;
using RtChat.Web.Areas.Identity;
using RtChat.Web.Data;

namespace RtChat.Web.Realtime;

/// <summary>
/// Re-checks every open socket's sign-in once per <see cref="RealtimeOptions.SessionCheckInterval"/>: a socket whose user
/// is gone, locked out, or has a new security stamp (a change this node was not told of, made on another node or in
/// the database) is told and closed. Revocations this app makes end sockets at once (<see cref="SessionEnding"/>).
/// </summary>
public sealed class SessionChecks(IServiceScopeFactory scopes, LocalSockets sockets, ChatFrames frames, RealtimeOptions options,
    TimeProvider clock, ILogger<SessionChecks> logger) : PeriodicWork(options.SessionCheckInterval, clock, logger)
{
    protected override string Name => "Checking the sockets' sign-ins";

    private const int UsersPerQuery = 500;

    protected internal override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var byUser = sockets.All.GroupBy(c => c.UserId).ToDictionary(g => g.Key, g => g.ToList());
        if (byUser.Count == 0) return;
        var ended = await frames.SessionEndedNoticeAsync(SessionEnding.Ended);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var chunk in byUser.Keys.Chunk(UsersPerQuery))
        {
            var now = Clock.GetUtcNow();
            var valid = await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id))
                .Select(u => new { u.Id, u.SecurityStamp, u.LockoutEnd }).ToListAsync(cancellationToken);
            var stamps = valid.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now).ToDictionary(u => u.Id, u => u.SecurityStamp);
            foreach (var userId in chunk)
                foreach (var connection in byUser[userId])
                    if (!stamps.TryGetValue(userId, out var stamp) || stamp != connection.SecurityStamp)
                        connection.Close(ended);
        }
    }
}
