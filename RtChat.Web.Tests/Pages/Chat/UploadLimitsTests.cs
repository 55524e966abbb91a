using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Media;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary>
/// Uploads in flight are capped per user and on the node: past a cap the answer is 429 with the reason, at once, its
/// body unread; a slot comes back when its upload ends.
/// </summary>
public sealed class UploadLimitsTests : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Media:MaxUploadsPerUser"] = "1",
        ["Media:MaxUploadsInFlight"] = "2",
    };

    private static readonly Upload Small = new("small.txt", "text/plain", "hello"u8.ToArray());

    private UploadSlots Slots => App.Services.GetRequiredService<UploadSlots>();

    /// <summary>An upload whose body stops halfway until <see cref="Finish"/>: its slot stays taken meanwhile.</summary>
    private sealed class HeldUpload(WebSession web) : IAsyncDisposable
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Task<HttpResponseMessage>? _response;

        public async Task StartAsync(UploadSlots slots)
        {
            var before = slots.InFlight;
            var token = await web.RequestTokenAsync();
            var content = new MultipartFormDataContent { FileSteps.FilePart(new Upload("slow.bin", "application/octet-stream", new byte[64 * 1024])) };
            var whole = await content.ReadAsByteArrayAsync();
            var request = new HttpRequestMessage(HttpMethod.Post, FileSteps.UploadPath(null)) { Content = new HeldContent(whole, _release.Task) };
            request.Content.Headers.ContentType = content.Headers.ContentType;
            request.Headers.Add("HX-Request", "true");
            request.Headers.Add("RequestVerificationToken", token);
            _response = web.SendAsync(request);
            var until = DateTime.UtcNow.AddSeconds(5);
            while (slots.InFlight == before && DateTime.UtcNow < until) await Task.Delay(20);
            Assert.That(slots.InFlight, Is.EqualTo(before + 1), "the held upload took its slot");
        }

        public async Task<HttpStatusCode> FinishAsync()
        {
            _release.TrySetResult();
            using var response = await _response!;
            return response.StatusCode;
        }

        public async ValueTask DisposeAsync()
        {
            if (_response is not null && !_response.IsCompleted) await FinishAsync();
        }
    }

    [Test]
    public async Task A_second_upload_of_the_same_user_is_refused_while_the_first_is_in_flight_and_goes_after()
    {
        var (web, _) = await App.SignedUpConfirmedAsync("busy");
        var (other, _) = await App.SignedUpConfirmedAsync("free");
        using (web)
        using (other)
        {
            await using var held = new HeldUpload(web);
            await held.StartAsync(Slots);

            using var refused = await web.ShareAsync(null, Small);
            using var othersGo = await other.ShareAsync(null, Small);
            var reason = (await HtmlPage.ParseAsync(refused)).Document.QuerySelector(".attach-errors")?.TextContent.Trim();
            var first = await held.FinishAsync();
            using var afterwards = await web.ShareAsync(null, Small);

            using (Assert.EnterMultipleScope())
            {
                Assert.That((int)refused.StatusCode, Is.EqualTo(429));
                Assert.That(reason, Is.EqualTo(UploadSlots.PerUserRefusal));
                Assert.That(othersGo.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the cap is per user");
                Assert.That(first, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the slot came back");
                Assert.That(Slots.InFlight, Is.Zero);
            }
        }
    }

    [Test]
    public async Task Past_the_nodes_cap_anyone_is_refused_until_an_upload_ends()
    {
        var people = new List<WebSession>();
        for (var i = 0; i < 3; i++) people.Add((await App.SignedUpConfirmedAsync("node" + i)).Web);
        await using var first = new HeldUpload(people[0]);
        await using var second = new HeldUpload(people[1]);
        await first.StartAsync(Slots);
        await second.StartAsync(Slots);

        using var refused = await people[2].ShareAsync(null, Small);
        var reason = (await HtmlPage.ParseAsync(refused)).Document.QuerySelector(".attach-errors")?.TextContent.Trim();
        await first.FinishAsync();
        using var afterwards = await people[2].ShareAsync(null, Small);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)refused.StatusCode, Is.EqualTo(429));
            Assert.That(reason, Is.EqualTo(UploadSlots.BusyRefusal));
            Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        await second.FinishAsync();
        people.ForEach(p => p.Dispose());
    }
}
