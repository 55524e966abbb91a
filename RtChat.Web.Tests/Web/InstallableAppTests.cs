using System.Buffers.Binary;
using System.Text.Json;
using RtChat.Web.Tests.Support;
using RtChat.Web.Web;

namespace RtChat.Web.Tests.Web;

/// <summary>What a browser fetches to install the site as an app: the manifest, its icons, the worker, the offline page.</summary>
public sealed class InstallableAppTests : AppFixture
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Test]
    public async Task The_manifest_is_served_as_a_web_app_manifest_with_what_installing_needs()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync(InstallableApp.ManifestPath);

        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = manifest.RootElement;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/manifest+json"));
            Assert.That(root.GetProperty("name").GetString(), Is.EqualTo("RtChat"));
            Assert.That(root.GetProperty("short_name").GetString(), Is.Not.Empty);
            Assert.That(root.GetProperty("start_url").GetString(), Is.EqualTo("/"));
            Assert.That(root.GetProperty("scope").GetString(), Is.EqualTo("/"));
            Assert.That(root.GetProperty("display").GetString(), Is.EqualTo("standalone"));
            Assert.That(root.GetProperty("theme_color").GetString(), Does.Match("^#[0-9a-f]{6}$"));
            Assert.That(root.GetProperty("background_color").GetString(), Does.Match("^#[0-9a-f]{6}$"));
            var icons = Icons(root);
            Assert.That(icons.Select(i => i.Sizes), Is.SupersetOf(new[] { "192x192", "512x512" }));
            Assert.That(icons.Where(i => i.Purpose.Split(' ').Contains("maskable")), Is.Not.Empty, "a maskable icon");
        }
    }

    [Test]
    public async Task Every_icon_the_manifest_names_is_a_png_of_the_size_it_claims()
    {
        using var web = App.NewSession();
        using var response = await web.GetAsync(InstallableApp.ManifestPath);
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        foreach (var icon in Icons(manifest.RootElement))
        {
            using var file = await web.GetAsync(icon.Src);
            var bytes = await file.Content.ReadAsByteArrayAsync();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(file.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"), icon.Src);
                Assert.That(bytes.AsSpan(0, 8).ToArray(), Is.EqualTo(PngSignature), icon.Src);
                // The first chunk is IHDR: width and height, big-endian, right after its length and name.
                var (width, height) = (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
                Assert.That($"{width}x{height}", Is.EqualTo(icon.Sizes), icon.Src);
            }
        }
    }

    [Test]
    public async Task The_service_worker_is_served_as_script_from_the_root_and_never_cached_long()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync(InstallableApp.ServiceWorkerPath);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.IsSuccessStatusCode);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
            Assert.That(response.Headers.CacheControl?.NoCache, Is.True);
            Assert.That(response.Headers.CacheControl?.MaxAge, Is.Null);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("addEventListener(\"fetch\""));
        }
    }

    [Test]
    public async Task The_manifest_is_never_cached_long()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync(InstallableApp.ManifestPath);

        Assert.That(response.Headers.CacheControl?.NoCache, Is.True);
    }

    [Test]
    public async Task The_offline_page_says_so_and_offers_to_try_again()
    {
        using var web = App.NewSession();

        var page = await web.GetPageAsync(InstallableApp.OfflinePagePath);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(page.TestId("offline")?.TextContent, Does.Contain("You're offline"));
            Assert.That(page.TestId("try-again")?.GetAttribute("href"), Is.Empty, "the page's own address: the one that failed");
        }
    }

    [Test]
    public async Task Every_file_the_worker_keeps_for_offline_exists()
    {
        using var web = App.NewSession();
        using var worker = await web.GetAsync(InstallableApp.ServiceWorkerPath);
        var script = await worker.Content.ReadAsStringAsync();
        var list = script[script.IndexOf("const SHELL_FILES = [", StringComparison.Ordinal)..];
        var files = System.Text.RegularExpressions.Regex.Matches(list[..list.IndexOf("];", StringComparison.Ordinal)], "\"(/[^\"]+)\"")
            .Select(m => m.Groups[1].Value).ToList();

        Assert.That(files, Has.Count.GreaterThan(5));
        foreach (var file in files)
        {
            using var response = await web.GetAsync(file);
            Assert.That(response.IsSuccessStatusCode, file);
        }
    }

    [Test]
    public async Task Every_page_links_the_manifest_and_the_theme_colours()
    {
        using var web = App.NewSession();

        var page = await web.GetPageAsync(AccountSteps.LoginPath);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Document.QuerySelector("link[rel='manifest']")?.GetAttribute("href"), Is.EqualTo(InstallableApp.ManifestPath));
            Assert.That(page.Document.QuerySelectorAll("meta[name='theme-color'][media]"), Has.Length.EqualTo(2), "light and dark");
            Assert.That(page.Document.QuerySelector("link[rel='apple-touch-icon']"), Is.Not.Null);
            Assert.That(page.Document.QuerySelectorAll("script[src^='/js/app.js']"), Has.Length.EqualTo(1), "registers the worker");
        }
    }

    [Test]
    public async Task The_content_security_policy_lets_the_site_run_its_own_worker_and_manifest()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync("/");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy, Does.Contain("worker-src 'self';"));
            Assert.That(policy, Does.Contain("manifest-src 'self';"));
        }
    }

    private sealed record Icon(string Src, string Sizes, string Purpose);

    private static List<Icon> Icons(JsonElement manifest) =>
        manifest.GetProperty("icons").EnumerateArray()
            .Select(i => new Icon(i.GetProperty("src").GetString()!, i.GetProperty("sizes").GetString()!,
                i.TryGetProperty("purpose", out var purpose) ? purpose.GetString()! : "any"))
            .ToList();
}
