using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging.Abstractions;
using RtChat.Bench.Infrastructure;
using RtChat.Web.Media;
using RtChat.Web.Media.ImageMagick;
using RtChat.Web.Tests.Media;

namespace RtChat.Bench.Scenarios;

/// <summary>
/// <c>images</c>: the app's own <see cref="IImageProcessor"/> (ImageMagick through Magick.NET), in this process, exactly as the
/// upload handler calls it: a 12-megapixel JPEG → 256 px WebP avatar, one at a time and two in parallel, with the time
/// and the growth of peak resident memory (VmHWM, reset before each run); and the time to refuse a decompression bomb.
/// The reference is ImageMagick's own command line doing the same job on the same file (process start included).
/// Chat uploads beside it: the same photo → chat picture and thumbnail, and users uploading at once over HTTP.
/// </summary>
public static partial class ImagesScenario
{
    public static async Task RunAsync(Args args, Report report, CancellationToken ct)
    {
        var runs = args.Int("runs", 10, 2);
        var width = args.Int("width", 4000, 800);
        var height = args.Int("height", 3000, 600);
        var pid = Environment.ProcessId;
        var options = new MediaOptions();
        // The smoke's small photo is over a small cap, so it takes a 12 MP photo's path (shrunk) in a fraction of the time.
        options.ChatImageMaxSide = args.Int("picture-side", options.ChatImageMaxSide, 512);
        // Before the photo is made: the processor installs the app's ImageMagick policy, read at Magick.NET's first use.
        using var images = new MagickImageProcessor(options, NullLogger<MagickImageProcessor>.Instance);
        if (!images.IsAvailable) throw new InvalidOperationException("Image processing (Magick.NET) is not available: see the app's log for why");

        var clock = Stopwatch.StartNew();
        var photo = PhotoMaker.Jpeg(width, height, quality: 90);
        Log.Line($"Made a {width}x{height} JPEG of {photo.Length / 1024} KiB in {clock.Elapsed.TotalSeconds:0.0} s");
        report.Details["input"] = $"{width}x{height} JPEG ({width * height / 1e6:0.#} MP, quality 90, gradients with grain), {photo.Length / 1024} KiB";
        report.Details["options"] = $"MediaOptions defaults: avatar {options.AvatarSize} px, WebP quality {options.WebpQuality}, " +
                                    $"{options.MaxConcurrentImages} images at once, ImageMagick memory limit {options.ImageMemoryBytes / 1024 / 1024} MB";
        // The first avatar of the process (its peak includes loading ImageMagick's coders and the JIT), then the steady state.
        ProcessedImage avatar = null!;
        var (coldMs, coldPeak) = await MeasureAsync(pid, async () => avatar = await images.MakeAvatarAsync(photo, ct));
        report.Check("the avatar is a square WebP of the configured size",
            avatar.ContentType == "image/webp" && avatar.Width == options.AvatarSize && avatar.Height == options.AvatarSize,
            $"{avatar.ContentType} {avatar.Width}x{avatar.Height}, {avatar.Bytes.Length} bytes");

        var one = new List<double>();
        var onePeak = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var (ms, peak) = await MeasureAsync(pid, () => images.MakeAvatarAsync(photo, ct));
            one.Add(ms);
            onePeak.Add(peak);
        }
        var two = new List<double>();
        var twoPeak = new List<double>();
        for (var i = 0; i < Math.Max(1, runs / 2); i++)
        {
            var (ms, peak) = await MeasureAsync(pid, () => Task.WhenAll(images.MakeAvatarAsync(photo, ct), images.MakeAvatarAsync(photo, ct)));
            two.Add(ms);
            twoPeak.Add(peak);
        }

        var chat = await ChatPicturesAsync(images, options, photo, runs, pid, ct);

        var pngBomb = HeaderOnlyImages.Png(50_000, 50_000);
        var jpegBomb = HeaderOnlyImages.Jpeg(50_000, 50_000);
        var bombTimes = new List<double>();
        var refused = 0;
        for (var i = 0; i < 50; i++)
        {
            foreach (var bomb in new[] { pngBomb, jpegBomb })
            {
                var start = Stats.Now;
                try
                {
                    await images.MakeAvatarAsync(bomb, ct);
                }
                catch (ImageRejectedException)
                {
                    refused++;
                }
                bombTimes.Add(Stats.Ms(Stats.Now - start));
            }
        }
        report.Check("every bomb was refused", refused == bombTimes.Count, $"{refused} of {bombTimes.Count}");

        var cli = await CommandLineReferenceAsync(photo, options, Math.Min(runs, 5), ct);

        var single = Percentiles.Of(one);
        var pair = Percentiles.Of(two);
        var bombs = Percentiles.Of(bombTimes);
        report.Add(new Figure($"avatar from a {width * height / 1e6:0.#} MP JPEG, p50", single.P50, "ms", cli?.P50Ms, "ImageMagick CLI", "≤ 300 ms", single.P50 <= 300));
        report.Add(new Figure("  its peak memory growth (max of runs)", onePeak.Max(), "MB", cli?.PeakMb, "ImageMagick CLI peak RSS", "≤ 300 MB", onePeak.Max() <= 300));
        report.Add(new Figure("  the first avatar of the process: time", coldMs, "ms", Note: "loads the coders"));
        report.Add(new Figure("  the first avatar of the process: peak memory growth", coldPeak, "MB", cli?.PeakMb, "ImageMagick CLI peak RSS", "≤ 300 MB", coldPeak <= 300));
        ReportChatPictures(report, chat, options, Math.Max(width, height), single.P50, onePeak.Max());
        report.Add(new Figure("two avatars in parallel, both done, p50", pair.P50, "ms", single.P50 * 2, "2 × one at a time"));
        report.Add(new Figure("  their peak memory growth (max of runs)", twoPeak.Max(), "MB", Target: "≤ 300 MB", Met: twoPeak.Max() <= 300));
        report.Add(new Figure("decompression bomb (50,000×50,000 header) refused, p50", bombs.P50, "ms", Target: "≤ 50 ms", Met: bombs.Max <= 50));
        report.Add(new Figure("  slowest refusal", bombs.Max, "ms", Target: "≤ 50 ms", Met: bombs.Max <= 50));
        var table = report.Table("Runs", "case", "runs", "p50 ms", "max ms", "peak growth p50 MB", "peak growth max MB");
        table.Add("first avatar (cold)", 1, coldMs, coldMs, coldPeak, coldPeak);
        table.Add("one avatar", one.Count, single.P50, single.Max, Stats.Percentile(onePeak, 50), onePeak.Max());
        table.Add("two in parallel", two.Count, pair.P50, pair.Max, Stats.Percentile(twoPeak, 50), twoPeak.Max());
        table.Add("chat picture + thumbnail", chat.Ms.Count, chat.P50, chat.Ms.Max(), Stats.Percentile(chat.PeakMb, 50), chat.PeakMb.Max());
        table.Add("bomb (PNG and JPEG headers)", bombTimes.Count, bombs.P50, bombs.Max, null, null);
        if (cli is not null) table.Add("ImageMagick CLI (reference)", cli.Runs, cli.P50Ms, cli.MaxMs, null, cli.PeakMb);

        await ChatUploadBurst.RunAsync(args, report, options, width, height, chat.P50, ct);
    }

    /// <summary>Time and growth of the peak RSS (MB) over the current RSS, of one piece of work in this process.</summary>
    private static async Task<(double Ms, double PeakMb)> MeasureAsync(int pid, Func<Task> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = ProcStatus.Read(pid).Rss;
        ProcStatus.ResetPeak(pid);
        var start = Stats.Now;
        await work();
        var ms = Stats.Ms(Stats.Now - start);
        return (ms, (ProcStatus.Read(pid).Hwm - before) / 1024.0 / 1024.0);
    }

    private sealed record CliReference(int Runs, double P50Ms, double MaxMs, double PeakMb);

    /// <summary>ImageMagick's command line doing the same (decode hint, auto-orient, fill-crop to a square, strip, WebP).</summary>
    private static async Task<CliReference?> CommandLineReferenceAsync(byte[] photo, MediaOptions options, int runs, CancellationToken ct)
    {
        const string convert = "/usr/bin/convert-im6.q16";
        if (!File.Exists(convert)) return null;
        var dir = Path.Combine(Path.GetTempPath(), "rtchat-bench", $"images-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        var input = Path.Combine(dir, "photo.jpg");
        await File.WriteAllBytesAsync(input, photo, ct);
        var size = options.AvatarSize;
        string[] arguments =
        [
            "-define", $"jpeg:size={size * 2}x{size * 2}", input, "-auto-orient", "-thumbnail", $"{size}x{size}^", "-gravity", "center",
            "-extent", $"{size}x{size}", "-strip", "-quality", options.WebpQuality.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "webp:" + Path.Combine(dir, "avatar.webp"),
        ];
        var times = await TimeCommandAsync(convert, arguments, runs);
        var peakKb = GetRusage(-1 /* RUSAGE_CHILDREN */, out var usage) == 0 ? usage.MaxRssKb : 0;
        Directory.Delete(dir, recursive: true);
        return new CliReference(times.Count, Stats.Percentile(times, 50), times.Max(), peakKb / 1024.0);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UtimeSec, UtimeUsec, StimeSec, StimeUsec;
        public long MaxRssKb;
        public long Ixrss, Idrss, Isrss, Minflt, Majflt, Nswap, Inblock, Oublock, Msgsnd, Msgrcv, Nsignals, Nvcsw, Nivcsw;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out RUsage usage);
}
