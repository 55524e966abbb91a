using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;

namespace RtChat.Web.Cli;

/// <summary><c>migrate</c>: applies the configured provider's pending migrations, whatever Database:MigrateOnStart says, and exits.</summary>
internal static class MigrateCommand
{
    public static Command Create(Lazy<WebApplication> app)
    {
        var command = new Command("migrate", "Apply the pending database migrations for the configured provider (Database:Provider), then exit.");
        command.SetAction(OperatorCommands.Action(app, prepareDatabase: false, async (_, services, cancellationToken) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            var provider = services.GetRequiredService<DatabaseOptions>().Provider;
            Console.WriteLine(pending.Count == 0
                ? $"The {provider} database is up to date."
                : $"Applied {pending.Count} migration(s) to the {provider} database: {string.Join(", ", pending)}.");
        }));
        return command;
    }
}
