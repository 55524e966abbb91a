using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data.Search;

namespace RtChat.Web.Data;

public static class DataSetup
{
    public static WebApplicationBuilder AddRtChatData(this WebApplicationBuilder builder)
    {
        var options = DatabaseOptions.From(builder.Configuration);
        var connection = DatabaseOptions.ConnectionString(builder.Configuration, options.Provider, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<DomainEventDispatcher>();
        builder.Services.AddSingleton<IDomainEventHandler<Domain.UserCreated>, ProfileCreation>();
        builder.Services.AddSingleton<UserCards>();
        builder.Services.AddSingleton<RoomCards>();
        builder.Services.AddSingleton<NewestPages>();
        builder.Services.AddSingleton<PageCaches>();
        builder.Services.AddSingleton<CacheForgetting>();
        // Pooled: every request and every posted message uses a context, and a fresh one costs ~5% of the CPU of each.
        if (options.Provider == DatabaseProvider.SqlServer)
            builder.Services.AddDbContextPool<AppDbContext, SqlServerAppDbContext>((services, db) =>
                db.UseSqlServer(connection).AddInterceptors(services.GetRequiredService<CacheForgetting>()));
        else
            builder.Services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((services, db) =>
                db.UseSqlite(connection).AddInterceptors(SqlitePragmas.Instance, services.GetRequiredService<CacheForgetting>()));
        builder.Services.AddMessageSearch(options.Provider);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>Applies pending migrations unless <c>Database:MigrateOnStart</c> is false (production deploys run them).</summary>
    public static async Task PrepareRtChatDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (options.MigrateOnStart)
            await db.Database.MigrateAsync();
        if (!db.Database.IsSqlite()) return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await MessageSearchIndex.RepairAsync(db);
        await MessageIdGap.SkipAsync(db);
    }
}
