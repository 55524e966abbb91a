using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests;

/// <summary>Run-wide set-up: never let Playwright fetch a browser; close the shared Chromium at the end.</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeSetUp]
    public void NeverDownloadBrowsers() => Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

    [OneTimeTearDown]
    public async Task CloseChromiumAsync() => await Chromium.ShutdownAsync();
}
