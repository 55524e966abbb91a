using Microsoft.EntityFrameworkCore;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Cli;

/// <summary><c>migrate</c>: applies the configured provider's migrations and exits, whatever MigrateOnStart says.</summary>
public sealed class MigrateCommandTests
{
    [Test]
    public async Task Migrate_creates_the_schema_then_says_it_is_up_to_date()
    {
        using var run = new CommandRun();
        var environment = new Dictionary<string, string> { ["Database__MigrateOnStart"] = "false" };

        var first = await run.RunAsync(environment, "migrate");
        var second = await run.RunAsync(environment, "migrate");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            Assert.That(first.Output, Does.Contain("Applied").And.Contain("AddAuditLogAndAdminRole"));
            Assert.That(await run.QueryAsync(db => db.Database.GetPendingMigrationsAsync()), Is.Empty);
            Assert.That(await run.QueryAsync(db => db.Roles.Select(r => r.Name).ToListAsync()), Is.EqualTo(new[] { "Admin" }));
            Assert.That(second.ExitCode, Is.Zero, second.ToString());
            Assert.That(second.Output, Does.Contain("up to date"));
        }
    }
}
