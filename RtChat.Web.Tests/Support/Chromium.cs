using Microsoft.Playwright;

namespace RtChat.Web.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright: launched once per test run, on first use, and never downloaded
/// (the Playwright driver ships in the NuGet package; the browser is /usr/bin/chromium).
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static async Task<IBrowser> BrowserAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true }) return _browser;
            Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            });
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh context (own cookies) whose relative URLs resolve against <paramref name="baseAddress"/>.</summary>
    public static async Task<IBrowserContext> NewContextAsync(Uri baseAddress) =>
        await (await BrowserAsync()).NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });

    public static async Task ShutdownAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _browser = null;
        _playwright = null;
    }
}
