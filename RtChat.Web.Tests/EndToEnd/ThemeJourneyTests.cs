using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>Dark mode in Chromium: the system's choice by default, the header's switch without a reload, kept after one.</summary>
public sealed class ThemeJourneyTests : BrowserJourney
{
    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private static ILocator Choice(IPage page, string theme) => page.Locator($"#theme-switch button[value={theme}]");

    [Test]
    public async Task Choosing_dark_turns_the_page_dark_at_once_and_it_stays_dark_after_a_reload()
    {
        var alice = await SignUpAsync("theme");
        var page = alice.Page;
        var light = await BackgroundAsync(page);
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        await Choice(page, "Dark").ClickAsync();

        await Expect(page.Locator("html")).ToHaveClassAsync("dark");
        await Expect(Choice(page, "Dark")).ToHaveAttributeAsync("aria-pressed", "true");
        var dark = await BackgroundAsync(page);
        var notReloaded = await page.EvaluateAsync<bool>("() => window.notReloaded === true");

        await page.ReloadAsync();

        await Expect(page.Locator("html")).ToHaveClassAsync("dark");
        var afterReload = await BackgroundAsync(page);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dark, Is.Not.EqualTo(light), "the background changed");
            Assert.That(notReloaded, Is.True, "without a reload");
            Assert.That(afterReload, Is.EqualTo(dark), "kept after a reload");
        }
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task System_follows_the_browser_and_light_overrides_a_dark_system()
    {
        var bob = await SignUpAsync("theme");
        var page = bob.Page;
        var light = await BackgroundAsync(page);

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", light);
        await Choice(page, "Light").ClickAsync();

        await Expect(page.Locator("html")).ToHaveClassAsync("light");
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", light);
        await Choice(page, "System").ClickAsync();
        await Expect(page.Locator("html")).Not.ToHaveClassAsync(new Regex("light|dark"));
        await Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", light);
        AssertNoBrowserErrors();
    }
}
