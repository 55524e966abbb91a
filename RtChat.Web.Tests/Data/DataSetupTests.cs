using System.Net;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Data;

public sealed class DataSetupTests : AppFixture
{
    [Test]
    public async Task The_database_is_the_sqlite_file_configured_for_this_app_and_is_migrated()
    {
        var dataSource = await App.QueryAsync(db => Task.FromResult(
            new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource));
        var pending = await App.QueryAsync(db => db.Database.GetPendingMigrationsAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dataSource, Is.EqualTo(App.DatabaseFile));
            Assert.That(File.Exists(App.DatabaseFile), Is.True, "the SQLite file is created in the fixture's temp folder");
            Assert.That(pending, Is.Empty);
        }
    }

    [Test]
    public async Task Sqlite_connections_commit_without_an_fsync_each_also_when_reused_from_the_pool()
    {
        var first = await App.QueryAsync(SynchronousAsync);
        var reused = await App.QueryAsync(SynchronousAsync);

        const long normal = 1;
        Assert.That((first, reused), Is.EqualTo((normal, normal)));
    }

    private static async Task<long> SynchronousAsync(RtChat.Web.Data.AppDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Test]
    public async Task Healthz_reports_healthy_when_the_database_answers()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync("/healthz");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
        }
    }
}
