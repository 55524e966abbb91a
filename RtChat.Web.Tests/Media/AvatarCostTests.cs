using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using RtChat.Web.Media;
using RtChat.Web.Media.ImageMagick;

namespace RtChat.Web.Tests.Media;

/// <summary>
/// Rough cost of one avatar from a 12-megapixel photo, printed to the test output (bench/RtChat.Bench owns the real figures).
/// Peak memory is the process's resident high-water mark (VmHWM), reset just before the work.
/// </summary>
public sealed class AvatarCostTests
{
    [Test]
    public async Task Avatar_from_a_4000x3000_jpeg_is_made_within_seconds_and_its_cost_is_reported()
    {
        using var images = new MagickImageProcessor(new MediaOptions(), NullLogger<MagickImageProcessor>.Instance);
        var photo = Photo("JPEG", 4000, 3000);
        await images.MakeAvatarAsync(photo, CancellationToken.None); // warm-up: library modules, JIT

        var (elapsed, peak) = await MeasureAsync(() => images.MakeAvatarAsync(photo, CancellationToken.None));

        await TestContext.Out.WriteLineAsync(
            $"4000x3000 JPEG ({photo.Length / 1024} KiB) → 256px WebP: {elapsed.TotalMilliseconds:0} ms, peak RSS +{peak / (1024 * 1024)} MiB " +
            $"on {Environment.ProcessorCount} CPUs");
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task Avatar_from_a_4000x3000_png_is_made_within_seconds_and_its_cost_is_reported()
    {
        using var images = new MagickImageProcessor(new MediaOptions(), NullLogger<MagickImageProcessor>.Instance);
        var photo = Photo("PNG", 4000, 3000, noise: false);
        await images.MakeAvatarAsync(TestImages.Encode("PNG", 10, 10, (_, _) => [1, 2, 3]), CancellationToken.None);

        var (elapsed, peak) = await MeasureAsync(() => images.MakeAvatarAsync(photo, CancellationToken.None));

        await TestContext.Out.WriteLineAsync(
            $"4000x3000 PNG ({photo.Length / 1024} KiB) → 256px WebP: {elapsed.TotalMilliseconds:0} ms, peak RSS +{peak / (1024 * 1024)} MiB");
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
    }

    private static async Task<(TimeSpan Elapsed, long PeakBytes)> MeasureAsync(Func<Task> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Status("VmRSS");
        File.WriteAllText("/proc/self/clear_refs", "5"); // resets VmHWM to the current RSS
        var clock = Stopwatch.StartNew();
        await work();
        clock.Stop();
        return (clock.Elapsed, Status("VmHWM") - before);
    }

    private static long Status(string field) =>
        long.Parse(File.ReadLines("/proc/self/status").Single(line => line.StartsWith(field + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

    /// <summary>Gradients with some grain, so the JPEG is photo-sized (a few MB) rather than a flat few KB.</summary>
    private static byte[] Photo(string format, int width, int height, bool noise = true) =>
        TestImages.Encode(format, width, height, (x, y) =>
        {
            var grain = noise ? (int)((uint)(x * 73856093 ^ y * 19349663) % 48) : 0;
            return [(byte)(x * 255 / width / 2 + grain), (byte)(y * 255 / height / 2 + grain), (byte)((x + y) % 256 / 2 + grain)];
        }, quality: 90);
}
