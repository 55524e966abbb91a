using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace RtChat.Web.Realtime;

/// <summary>
/// Several web nodes: with <c>Realtime:Backplane=Redis</c>, Redis (<c>ConnectionStrings:Redis</c>) carries every node's
/// frames, cache forgets and revocations, keeps who is online, and holds the data-protection keys, so a cookie made on one node works on all.
/// </summary>
public static class RedisSetup
{
    public const string KeysKey = "rtchat:data-protection-keys";

    /// <summary>After <c>AddRtChatWeb</c> and <c>AddRtChatRealtime</c>: it replaces their key store and backplane.</summary>
    public static WebApplicationBuilder AddRtChatRedis(this WebApplicationBuilder builder)
    {
        var backplane = builder.Configuration["Realtime:Backplane"] ?? "InProcess";
        if (backplane.Equals("InProcess", StringComparison.OrdinalIgnoreCase)) return builder;
        if (!backplane.Equals("Redis", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Realtime:Backplane is \"{backplane}\": it is InProcess (the default) or Redis.");
        var connection = builder.Configuration.GetConnectionString("Redis")
            ?? throw new InvalidOperationException("Realtime:Backplane=Redis needs ConnectionStrings:Redis (e.g. localhost:6379).");
        var options = ConfigurationOptions.Parse(connection);
        // Start without Redis and keep trying; a command while it is away fails at once, so a frame goes to local sockets.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;

        var services = builder.Services;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton(new RedisNode(Guid.NewGuid()));
        services.AddSingleton<RedisBackplane>();
        services.AddSingleton<IBackplane>(sp => sp.GetRequiredService<RedisBackplane>());
        services.AddSingleton<IOtherNodes>(sp => sp.GetRequiredService<RedisBackplane>());
        services.AddSingleton<INodeDeaths>(sp => sp.GetRequiredService<RedisBackplane>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisBackplane>());
        services.AddSingleton<RedisPresence>();
        services.AddSingleton<IPresence>(sp => sp.GetRequiredService<RedisPresence>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisPresence>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((keys, redis) =>
            keys.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), KeysKey));
        return builder;
    }
}
