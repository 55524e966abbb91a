using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Realtime;

namespace RtChat.Web.Media.Attachments;

/// <summary>
/// Removes from disk the files that deleted attachments left in <see cref="DeletedFile"/>, then their rows. Every node
/// may run it at once: deleting a file already gone is nothing.
/// </summary>
public sealed class FileReaper(IServiceScopeFactory scopes, [FromKeyedServices(MediaSetup.SharedFiles)] IFileStore files,
    MediaOptions options, TimeProvider clock, ILogger<FileReaper> logger) : PeriodicWork(options.ReapInterval, clock, logger)
{
    private const int Batch = 500;

    protected override string Name => "Deleting the files of deleted attachments";

    protected internal override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        while (true)
        {
            var deleted = await db.DeletedFiles.AsNoTracking().OrderBy(f => f.Id).Take(Batch).ToListAsync(cancellationToken);
            foreach (var file in deleted)
                await files.DeleteAsync(file.FileKey);
            if (deleted.Count > 0)
            {
                var ids = deleted.Select(f => f.Id).ToList();
                await db.DeletedFiles.Where(f => ids.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
            }
            if (deleted.Count < Batch) return;
        }
    }
}
