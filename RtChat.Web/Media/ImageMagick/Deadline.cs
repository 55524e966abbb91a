using System.Diagnostics;

namespace RtChat.Web.Media.ImageMagick;

/// <summary>One image's time budget and its request's cancellation, asked from ImageMagick's progress events.</summary>
internal sealed class Deadline(TimeSpan budget, CancellationToken ct)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public bool IsStopped => _clock.Elapsed > budget || ct.IsCancellationRequested;

    public void ThrowIfStopped()
    {
        ct.ThrowIfCancellationRequested();
        if (_clock.Elapsed > budget)
            throw ImageRejectedException.TookTooLong();
    }
}
