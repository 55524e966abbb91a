using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace RtChat.Web.Realtime;

/// <summary>Degraded, not unhealthy, without Redis: the node still serves its pages and its own sockets.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.IsConnected
            ? HealthCheckResult.Healthy("Redis is reachable.")
            : HealthCheckResult.Degraded("Redis is unreachable: frames reach this node's sockets only."));
}
