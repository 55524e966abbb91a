using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RtChat.Web.Media;

/// <summary>Degraded, not unhealthy, without the image library: everything but uploads still works.</summary>
public sealed class ImagesHealthCheck(IImageProcessor images) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(images.IsAvailable
            ? HealthCheckResult.Healthy("Image processing is available.")
            : HealthCheckResult.Degraded("Image processing is unavailable: uploads are refused."));
}
