using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RtChat.Web.Tests.Media;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>Setting up a profile right after signing up, in Debian's Chromium against the app on Kestrel.</summary>
public sealed partial class ProfileJourneyTests : AppFixture
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private readonly List<string> _browserErrors = [];

    [SetUp]
    public async Task OpenBrowserAsync()
    {
        _context = await Chromium.NewContextAsync(App.BaseAddress);
        _context.SetDefaultTimeout(10_000);
        _page = await _context.NewPageAsync();
        _browserErrors.Clear();
        _page.CollectErrors(_browserErrors);
    }

    [TearDown]
    public async Task CloseBrowserAsync() => await _context.DisposeAsync();

    [Test]
    public async Task Sign_up_choose_an_avatar_see_its_preview_save_and_see_it_in_the_header()
    {
        var user = TestUser.Create("journey");
        var photo = TestImages.Encode("JPEG", 320, 240, (x, y) => [(byte)x, (byte)y, 160]);

        await _page.SubmitSignUpAsync(user);

        await Expect(_page).ToHaveURLAsync(new Uri(App.BaseAddress, "/profile/onboarding?returnUrl=%2F").ToString());
        var preview = _page.GetByTestId("avatar-preview");
        await Expect(preview).ToHaveAttributeAsync("src", "/images/avatar.svg");

        await _page.Locator("input[name=Avatar]").SetInputFilesAsync(new FilePayload
        {
            Name = "me.jpg",
            MimeType = "image/jpeg",
            Buffer = photo,
        });

        await Expect(preview).ToHaveAttributeAsync("src", BlobUrl(), new() { Timeout = 5_000 });
        await _page.Locator("#DisplayName").FillAsync("Journey J.");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(_page).ToHaveURLAsync(App.BaseAddress.ToString());
        var headerAvatar = _page.GetByTestId("user-menu").Locator("img.avatar");
        await Expect(headerAvatar).ToHaveAttributeAsync("src", MediaUrl());
        await Expect(_page.GetByTestId("header-name")).ToHaveTextAsync("Journey J.");
        await Expect(_page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Welcome aboard" })).ToBeVisibleAsync();
        var loaded = await headerAvatar.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth === 256, () => false)");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded, Is.True, "the browser loads and decodes the stored 256 px avatar");
            Assert.That(_browserErrors, Is.Empty, "no script errors and no failed loads on the way");
        }
    }

    [Test]
    public async Task A_file_over_the_limit_is_refused_in_the_browser_before_it_is_sent()
    {
        var user = TestUser.Create("journey");
        await _page.SubmitSignUpAsync(user);
        await Expect(_page.GetByTestId("header-name")).ToHaveTextAsync(user.Username);

        // Made in the page: sending 11 MB through the Playwright driver would take seconds.
        await _page.Locator("input[name=Avatar]").EvaluateAsync("""
            input => {
              const files = new DataTransfer();
              files.items.add(new File([new Uint8Array(11 * 1024 * 1024)], "huge.jpg", { type: "image/jpeg" }));
              input.files = files.files;
              input.dispatchEvent(new Event("change", { bubbles: true }));
            }
            """);

        await Expect(_page.Locator("[data-avatar-error]")).ToHaveTextAsync("The file is larger than 10 MB.");
        await Expect(_page.GetByTestId("avatar-preview")).ToHaveAttributeAsync("src", "/images/avatar.svg");
        Assert.That(await _page.Locator("input[name=Avatar]").EvaluateAsync<int>("input => input.files.length"), Is.Zero, "the file is dropped");
    }

    [GeneratedRegex("^blob:")]
    private static partial Regex BlobUrl();

    [GeneratedRegex("^/media/[0-9a-f]{32}\\.webp$")]
    private static partial Regex MediaUrl();
}
