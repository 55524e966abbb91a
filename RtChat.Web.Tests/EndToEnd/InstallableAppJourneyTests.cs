using Microsoft.Playwright;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>The site as an installed app: its worker takes charge of the pages, and a lost network shows the offline page.</summary>
public sealed class InstallableAppJourneyTests : BrowserJourney
{
    [Test]
    public async Task The_service_worker_registers_activates_and_controls_the_page()
    {
        var alice = await SignUpAsync("alice");

        var state = await WorkerStateAsync(alice.Page);

        Assert.That(state, Is.EqualTo(new WorkerState("activated", "/", true)));
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task Offline_a_page_shows_the_offline_page_and_back_online_try_again_opens_it()
    {
        var alice = await SignUpAsync("alice");
        await WorkerStateAsync(alice.Page);

        await alice.Context.SetOfflineAsync(true);
        await alice.Page.GotoAsync("/profile");

        await Expect(alice.Page.GetByTestId("offline")).ToContainTextAsync("You're offline");
        await Expect(alice.Page).ToHaveURLAsync(new Uri(App.BaseAddress, "/profile").ToString());

        await alice.Context.SetOfflineAsync(false);
        await alice.Page.GetByTestId("try-again").ClickAsync();

        await Expect(alice.Page.GetByTestId("header-name")).ToHaveTextAsync(alice.User.Username);
        await Expect(alice.Page).ToHaveURLAsync(new Uri(App.BaseAddress, "/profile").ToString());
        await alice.Page.GotoAsync("/");
        await ExpectSocketOpenAsync(alice.Page);
        var text = $"Back online {Guid.NewGuid():N}";
        await alice.SendAsync(text);
        await Expect(alice.Message(text)).ToHaveCountAsync(1);
    }

    [Test]
    public async Task Pages_are_never_kept_by_the_worker()
    {
        var alice = await SignUpAsync("alice");
        await WorkerStateAsync(alice.Page);
        await alice.Page.GotoAsync("/profile"); // a signed-in page, through the worker

        var kept = await alice.Page.EvaluateAsync<string[]>("""
            async () => {
              const urls = [];
              for (const name of await caches.keys())
                for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
              return urls;
            }
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(kept, Does.Contain("/offline.html"), "the shell is kept");
            Assert.That(kept, Has.None.EqualTo("/").And.None.EqualTo("/profile"), "no page of the reader's");
            Assert.That(kept, Has.None.StartsWith("/media/").And.None.StartsWith("/chat/"));
        }
    }

    private sealed record WorkerState(string State, string Scope, bool ControlsPage);

    /// <summary>Waits for the page's worker to be active and in charge of the page.</summary>
    private static async Task<WorkerState> WorkerStateAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller?.state === 'activated'");
        var state = await page.EvaluateAsync<string[]>("""
            async () => {
              const registration = await navigator.serviceWorker.ready;
              return [registration.active.state, new URL(registration.scope).pathname, String(navigator.serviceWorker.controller !== null)];
            }
            """);
        return new WorkerState(state[0], state[1], state[2] == "true");
    }
}
