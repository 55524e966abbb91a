using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RtChat.Web.Data;

// `dotnet ef` builds each provider's context here, whatever Database:Provider says,
// so both migration sets can be added and checked from one configuration.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
    {
        var connection = DatabaseOptions.ConnectionString(DesignTimeConfiguration.Build(), DatabaseProvider.Sqlite, Directory.GetCurrentDirectory());
        return new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).Options);
    }
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args)
    {
        var connection = DesignTimeConfiguration.Build().GetConnectionString("SqlServer")
            ?? "Server=localhost;Database=RtChat;Trusted_Connection=True;TrustServerCertificate=True";
        return new SqlServerAppDbContext(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer(connection).Options);
    }
}

internal static class DesignTimeConfiguration
{
    public static IConfiguration Build() => new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();
}
