namespace RtChat.Web.Data.Search;

public static class SearchSetup
{
    /// <summary>SQLite searches its FTS5 index; SQL Server uses LIKE (<see cref="LikeMessageSearch"/>).</summary>
    public static IServiceCollection AddMessageSearch(this IServiceCollection services, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.SqlServer) services.AddScoped<IMessageSearch, LikeMessageSearch>();
        else services.AddScoped<IMessageSearch, SqliteMessageSearch>();
        return services.AddScoped<MessageFinder>();
    }
}
