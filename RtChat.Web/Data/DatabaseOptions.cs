using Microsoft.Extensions.Configuration;

namespace RtChat.Web.Data;

public enum DatabaseProvider { Sqlite, SqlServer }

/// <summary>The <c>Database</c> configuration section, plus the connection string it selects.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string DefaultSqliteConnection = "Data Source=App_Data/rtchat.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public bool MigrateOnStart { get; set; } = true;

    public static DatabaseOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

    public static string ConnectionString(IConfiguration configuration, DatabaseProvider provider, string contentRoot) =>
        provider switch
        {
            DatabaseProvider.SqlServer => configuration.GetConnectionString("SqlServer")
                ?? throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:SqlServer is not set."),
            _ => SqliteConnectionString(configuration.GetConnectionString("Sqlite") ?? DefaultSqliteConnection, contentRoot),
        };

    /// <summary>Anchors a relative SQLite file to the content root and makes sure its folder exists.</summary>
    private static string SqliteConnectionString(string configured, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        if (builder.DataSource != ":memory:")
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }
}
