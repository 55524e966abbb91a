namespace RtChat.Web.Realtime;

/// <summary>A background loop that does its work once per interval; a round that fails is logged and the next one runs.</summary>
public abstract class PeriodicWork(TimeSpan interval, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    /// <summary>What the work is, for the log line of a failed round.</summary>
    protected abstract string Name { get; }

    protected internal abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, Clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Work} failed", Name);
            }
        }
    }
}
