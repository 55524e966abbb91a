using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Media;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Media;

/// <summary><c>GET /media/{key}</c> on the running app.</summary>
public sealed class MediaEndpointTests : AppFixture
{
    private readonly string _mediaRoot = Directory.CreateTempSubdirectory("rtchat-media-").FullName;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Media:Root"] = _mediaRoot };

    [OneTimeTearDown]
    public void DeleteMediaRoot() => Directory.Delete(_mediaRoot, recursive: true);

    private IFileStore Files => App.Services.GetRequiredService<IFileStore>();

    [Test]
    public async Task Signed_in_user_gets_a_stored_image_with_its_type_nosniff_and_a_long_private_cache()
    {
        var webp = TestImages.Encode("WEBP", 8, 8, (_, _) => [1, 2, 3]);
        var key = await Files.SaveAsync(webp, "webp", CancellationToken.None);
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create("media"));

        using var response = await web.GetAsync(MediaEndpoint.UrlOf(key));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/webp"));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.CacheControl is { Private: true, Public: false, MaxAge.TotalDays: 365 }, Is.True, "behind sign-in: no shared cache keeps it");
            Assert.That(response.Headers.CacheControl?.Extensions.Select(e => e.Name), Does.Contain("immutable"));
            Assert.That(response.Content.Headers.ContentDisposition, Is.Null, "images are shown inline");
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(webp));
        }
    }

    [Test]
    public async Task Stored_file_that_is_not_an_image_is_a_download()
    {
        var key = await Files.SaveAsync("<script>alert(1)</script>"u8.ToArray(), "html", CancellationToken.None);
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create("media"));

        using var response = await web.GetAsync(MediaEndpoint.UrlOf(key));

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/octet-stream"));
        Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
    }

    [Test]
    public async Task Anonymous_visitor_gets_no_file()
    {
        var key = await Files.SaveAsync("x"u8.ToArray(), "webp", CancellationToken.None);
        using var web = App.NewSession();

        using var response = await web.GetAsync(MediaEndpoint.UrlOf(key));

        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.Redirect, HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
    }

    [TestCase("0123456789abcdef0123456789abcdef.webp")]
    [TestCase("..%2f..%2fappsettings.json")]
    [TestCase("..%2fkeys")]
    [TestCase("%2fetc%2fpasswd")]
    [TestCase("not-a-key")]
    public async Task Unknown_or_invalid_key_is_not_found(string key)
    {
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create("media"));

        using var response = await web.GetAsync("/media/" + key);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Healthz_counts_image_processing()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync("/healthz");

        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }
}

/// <summary>The app on a machine without libMagickWand: it starts, and says it is degraded.</summary>
public sealed class MediaWithoutImageMagickTests : AppFixture
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IImageProcessor, UnavailableImages>();

    [Test]
    public async Task App_starts_and_healthz_reports_degraded()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync("/healthz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Degraded"));
    }

    private sealed class UnavailableImages : IImageProcessor
    {
        public bool IsAvailable => false;

        public Task<ProcessedImage> MakeAvatarAsync(ReadOnlyMemory<byte> upload, CancellationToken ct) =>
            throw ImageRejectedException.Unavailable();

        public Task<ChatPicture> MakeChatPictureAsync(ReadOnlyMemory<byte> upload, CancellationToken ct) =>
            throw ImageRejectedException.Unavailable();
    }
}
