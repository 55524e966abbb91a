using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using RtChat.Bench.Clients;
using RtChat.Bench.Infrastructure;
using RtChat.Web.Media;
using RtChat.Web.Web;

namespace RtChat.Bench.Scenarios;

/// <summary>
/// Part of <c>images</c>: signed-in users each share one photo in the public room at the same moment, through the room's
/// <c>?handler=Upload</c> as the attach control posts it (htmx multipart, the token of the page's <c>hx-headers</c>), to
/// the app in its own process. Total time, the server's peak memory, and how many were refused below the upload caps.
/// </summary>
public static partial class ChatUploadBurst
{
    private sealed record Sent(HttpStatusCode Status, bool Refused, double Ms);

    /// <param name="pictureP50">One chat picture's p50 in process: the burst's reference is that work, a few images at a time.</param>
    /// <param name="options">The in-process figures' options: the app runs with their picture cap.</param>
    public static async Task RunAsync(Args args, Report report, MediaOptions options, int width, int height, double pictureP50, CancellationToken ct)
    {
        var count = args.Int("uploaders", 10, 2);
        var photo = PhotoMaker.Jpeg(width, height, quality: args.Int("upload-quality", 80, 80));
        report.Details["uploads"] = $"{count} users at once, each one {width}x{height} JPEG of {photo.Length / 1024} KiB to the public room's Upload " +
                                    $"(app defaults: {options.MaxUploadsPerUser} uploads a user, {options.MaxUploadsInFlight} in flight, {options.MaxConcurrentImages} images at once)";
        var workDir = Program.WorkDir("images");
        var filesDir = Path.Combine(workDir, "files");
        await using var server = await ServerProcess.StartAppAsync(workDir, new Dictionary<string, string>
        {
            ["Media:FilesRoot"] = filesDir,
            ["Media:ChatImageMaxSide"] = options.ChatImageMaxSide.ToString(CultureInfo.InvariantCulture),
        });
        var users = await AppUser.RegisterManyAsync(server.BaseAddress, count, ct);
        // Each its own connection with the user's cookies and no 60 s limit: the last of ten waits for nine pictures.
        var clients = users.Select((user, i) => new HttpClient(Loopback.NewHandler(Loopback.Source(i), cookies: null))
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromMinutes(10),
            DefaultRequestHeaders = { { "Cookie", user.CookieHeader } },
        }).ToArray();
        try
        {
            var tokens = await Task.WhenAll(clients.Select(client => TokenAsync(client, ct)));
            // Loads the server's image coders and compiles the upload path, as any earlier upload would have.
            var warm = await UploadAsync(clients[0], tokens[0], photo, "warm-up.jpg", ct);
            report.Check("a first upload (warm-up) is stored", warm.Status == HttpStatusCode.OK && !warm.Refused, $"{(int)warm.Status}");

            var db = new BenchDatabase(Path.Combine(workDir, "rtchat.db"));
            var lastId = db.MaxMessageId();
            var rssBefore = server.Memory().Rss;
            ProcStatus.ResetPeak(server.Pid);
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var uploads = clients.Select((client, i) => Task.Run(async () =>
            {
                await go.Task;
                return await UploadAsync(client, tokens[i], photo, $"photo-{i}.jpg", ct);
            }, ct)).ToArray();
            var start = Stats.Now;
            go.SetResult();
            var sent = await Task.WhenAll(uploads);
            var totalMs = Stats.Ms(Stats.Now - start);
            var peak = server.Memory().Hwm;

            var stored = db.CountMessagesAfter(lastId);
            var pictures = Directory.GetFiles(filesDir, "*.webp", SearchOption.AllDirectories).Length;
            var refused = sent.Count(s => s.Status == HttpStatusCode.TooManyRequests);
            var failed = sent.Count(s => s.Status != HttpStatusCode.OK || s.Refused) - refused;
            report.Check($"all {count} uploads at once were stored, none refused",
                stored == count && refused == 0 && failed == 0 && pictures == 2 * (count + 1),
                $"{stored} messages, {pictures} stored WebP files (picture and thumbnail each, the warm-up's too), {refused} refused (429), {failed} failed");

            var mb = (peak - rssBefore) / 1024.0 / 1024.0;
            var ms = sent.Select(s => s.Ms).ToList();
            report.Add(new Figure($"{count} users uploading a {width * height / 1e6:0.#} MP JPEG at once over HTTP, all stored", totalMs, "ms",
                count * pictureP50 / options.MaxConcurrentImages, $"{count} pictures in process, {options.MaxConcurrentImages} at a time"));
            report.Add(new Figure("  the server's peak memory growth during them (VmHWM − VmRSS before)", mb, "MB", Target: "≤ 300 MB", Met: mb <= 300));
            report.Add(new Figure("  the server's peak resident memory", peak / 1024.0 / 1024.0, "MB", rssBefore / 1024.0 / 1024.0, "before them"));
            report.Add(new Figure($"  refused below the caps ({options.MaxUploadsPerUser} a user, {options.MaxUploadsInFlight} in flight)", refused + failed, "count",
                Target: "0", Met: refused + failed == 0));
            var table = report.Table("Uploads at once", "users", "JPEG KiB", "total ms", "each p50 ms", "each max ms", "refused", "server peak growth MB");
            table.Add(count, photo.Length / 1024, totalMs, Stats.Percentile(ms, 50), ms.Max(), refused + failed, mb);
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
            foreach (var user in users) user.Dispose();
        }
    }

    /// <summary>The antiforgery token htmx sends with every request of the room page (its body's <c>hx-headers</c>).</summary>
    private static async Task<string> TokenAsync(HttpClient client, CancellationToken ct)
    {
        var page = await client.GetStringAsync(AppUser.RoomPath(AppUser.PublicChat), ct);
        var headers = HxHeaders().Match(page) is { Success: true } m
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(WebUtility.HtmlDecode(m.Groups[1].Value))
            : null;
        return headers?.GetValueOrDefault(WebSetup.AntiforgeryHeader) ?? throw new InvalidOperationException("No hx-headers token on the room page.");
    }

    /// <summary>The attach control's post: the caption, then the file; the answer is the control again (with any refusal).</summary>
    private static async Task<Sent> UploadAsync(HttpClient client, string token, byte[] photo, string name, CancellationToken ct)
    {
        using var content = new MultipartFormDataContent { { new StringContent($"Bench photo {name}"), "Caption" } };
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new("image/jpeg");
        content.Add(file, "Files", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, AppUser.RoomPath(AppUser.PublicChat) + "?handler=Upload") { Content = content };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add(WebSetup.AntiforgeryHeader, token);
        var start = Stats.Now;
        using var response = await client.SendAsync(request, ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        return new Sent(response.StatusCode, answer.Contains("attach-errors", StringComparison.Ordinal), Stats.Ms(Stats.Now - start));
    }

    [GeneratedRegex("<body[^>]*\\bhx-headers='([^']*)'")]
    private static partial Regex HxHeaders();
}
