using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Limit;

/// <summary>The bare Kestrel host the reference servers run in: loopback only, slim, stopped by SIGTERM or a deadline.</summary>
internal static class BareHost
{
    /// <summary>A host listening on 127.0.0.1:<c>--port</c>.</summary>
    public static WebApplication Build(Args args)
    {
        var port = args.Int("port", 0, 0);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
        });
        return builder.Build();
    }

    /// <summary>Starts <paramref name="app"/> and stops it at SIGTERM, or after <c>--max-seconds</c> even if the bench that started it died.</summary>
    public static async Task RunAsync(WebApplication app, Args args)
    {
        var maxSeconds = args.Int("max-seconds", 3600, 3600);
        await app.StartAsync();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(maxSeconds), lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) { }
        await app.StopAsync();
    }
}
