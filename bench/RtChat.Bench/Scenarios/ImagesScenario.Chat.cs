using System.Globalization;
using RtChat.Bench.Infrastructure;
using RtChat.Web.Media;

namespace RtChat.Bench.Scenarios;

/// <summary>
/// The chat half of <c>images</c>: the same photo → stored chat picture and its thumbnail, as a shared image goes through
/// <see cref="IImageProcessor.MakeChatPictureAsync"/>, one at a time in this process; its figures stand beside the avatar's.
/// </summary>
public static partial class ImagesScenario
{
    private sealed record ChatPictureRuns(ChatPicture Last, List<double> Ms, List<double> PeakMb, double? CommandLineP50 = null)
    {
        public double P50 => Stats.Percentile(Ms, 50);
    }

    private static async Task<ChatPictureRuns> ChatPicturesAsync(IImageProcessor images, MediaOptions options, byte[] photo, int runs, int pid, CancellationToken ct)
    {
        ChatPicture picture = null!;
        var ms = new List<double>();
        var peakMb = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var (time, peak) = await MeasureAsync(pid, async () => picture = await images.MakeChatPictureAsync(photo, ct));
            ms.Add(time);
            peakMb.Add(peak);
        }
        return new ChatPictureRuns(picture, ms, peakMb, await ChatCommandLineP50Async(photo, options, Math.Min(runs, 5), ct));
    }

    /// <summary>ImageMagick's command line doing the same job: upright, fitted into the cap, stripped, WebP, and a thumbnail of that.</summary>
    private static async Task<double?> ChatCommandLineP50Async(byte[] photo, MediaOptions options, int runs, CancellationToken ct)
    {
        const string convert = "/usr/bin/convert-im6.q16";
        if (!File.Exists(convert)) return null;
        var dir = Directory.CreateTempSubdirectory("rtchat-bench-chat-").FullName;
        try
        {
            var input = Path.Combine(dir, "photo.jpg");
            await File.WriteAllBytesAsync(input, photo, ct);
            var (side, thumbnail) = (options.ChatImageMaxSide, options.ThumbnailSide);
            string[] arguments =
            [
                input, "-auto-orient", "-resize", $"{side}x{side}>", "-strip", "-quality", options.WebpQuality.ToString(CultureInfo.InvariantCulture),
                "(", "+clone", "-resize", $"{thumbnail}x{thumbnail}>", "-write", "webp:" + Path.Combine(dir, "thumbnail.webp"), "+delete", ")",
                "webp:" + Path.Combine(dir, "picture.webp"),
            ];
            return Stats.Percentile(await TimeCommandAsync(convert, arguments, runs), 50);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The times of <paramref name="runs"/> runs of a command, after one more whose time is not kept (files not yet cached).</summary>
    private static async Task<List<double>> TimeCommandAsync(string file, string[] arguments, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i < runs + 1; i++)
        {
            var start = Stats.Now;
            await ServerProcess.RunAsync(file, arguments, TimeSpan.FromMinutes(2));
            if (i > 0) times.Add(Stats.Ms(Stats.Now - start));
        }
        return times;
    }

    /// <param name="longestSide">The photo's longest side: the stored picture's is that, or the cap if smaller.</param>
    private static void ReportChatPictures(Report report, ChatPictureRuns chat, MediaOptions options, int longestSide, double avatarP50, double avatarPeakMb)
    {
        var (full, thumbnail) = (chat.Last.Full, chat.Last.Thumbnail);
        report.Check("the chat picture is a WebP capped at the configured side, with a thumbnail within its square",
            full.ContentType == "image/webp" && Math.Max(full.Width, full.Height) == Math.Min(longestSide, options.ChatImageMaxSide)
            && thumbnail.ContentType == "image/webp" && Math.Max(thumbnail.Width, thumbnail.Height) == options.ThumbnailSide,
            $"{full.Width}x{full.Height} ({full.Bytes.Length / 1024} KiB) and {thumbnail.Width}x{thumbnail.Height} ({thumbnail.Bytes.Length / 1024} KiB)");
        report.Add(new Figure($"chat picture ({options.ChatImageMaxSide} px WebP) + {options.ThumbnailSide} px thumbnail from the same JPEG, p50",
            chat.P50, "ms", chat.CommandLineP50, "ImageMagick CLI", Note: $"{chat.P50 / avatarP50:0.#}× the avatar's time"));
        report.Add(new Figure("  its peak memory growth (max of runs)", chat.PeakMb.Max(), "MB", avatarPeakMb, "the avatar", "≤ 300 MB", chat.PeakMb.Max() <= 300));
    }
}
