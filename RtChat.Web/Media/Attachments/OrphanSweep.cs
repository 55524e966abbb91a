using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;

namespace RtChat.Web.Media.Attachments;

/// <summary>
/// Once at start: removes stored chat files that no attachment names, left by an upload whose message never committed
/// (the process stopped between storing and committing). Only files older than <see cref="MediaOptions.OrphanAge"/>,
/// so another node's upload in progress keeps its files.
/// </summary>
public sealed class OrphanSweep(IServiceScopeFactory scopes, [FromKeyedServices(MediaSetup.SharedFiles)] IFileStore files,
    MediaOptions options, TimeProvider clock, ILogger<OrphanSweep> logger) : BackgroundService
{
    private const int KeysPerQuery = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var removed = await SweepAsync(stoppingToken);
            if (removed > 0) logger.LogInformation("Removed {Count} stored files no attachment names", removed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Sweeping stored files no attachment names failed");
        }
    }

    /// <summary>The number of files removed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - options.OrphanAge;
        var removed = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var chunk in files.List().Where(f => f.WrittenAtUtc < before).Select(f => f.Key).ToList().Chunk(KeysPerQuery))
        {
            var named = await db.Attachments.AsNoTracking()
                .Where(a => chunk.Contains(a.FileKey) || chunk.Contains(a.ThumbnailKey!))
                .Select(a => new[] { a.FileKey, a.ThumbnailKey })
                .ToListAsync(cancellationToken);
            var kept = named.SelectMany(keys => keys).OfType<string>().ToHashSet();
            foreach (var orphan in chunk.Where(key => !kept.Contains(key)))
            {
                await files.DeleteAsync(orphan);
                removed++;
            }
        }
        return removed;
    }
}
