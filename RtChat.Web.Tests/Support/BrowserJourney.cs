using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.Support;

/// <summary>Someone signed up in a browser context of their own (own cookies, own socket), and the page they look at.</summary>
public sealed record BrowserPerson(string Name, TestUser User, IBrowserContext Context, IPage Page)
{
    public ILocator Messages => Page.Locator("#messages");
    public ILocator Composer => Page.Locator("#composer-body");
    public ILocator ComposerError => Page.Locator("#composer .composer-error");
    public ILocator OnlineCount => Page.Locator("#online-count");
    public ILocator OnlineTotal => Page.Locator("#online-total");
    public ILocator Message(string text) => Messages.Locator(".message").Filter(new() { HasText = text });

    /// <summary>Types <paramref name="text"/> into the room's composer and sends it with Enter, waiting for nothing.</summary>
    public async Task SendAsync(string text)
    {
        await Composer.FillAsync(text);
        await Composer.PressAsync("Enter");
    }
}

/// <summary>
/// Base of the browser journeys: people signed up in Debian's Chromium side by side, their pages' script and console
/// errors collected, their contexts closed after each test.
/// </summary>
public abstract class BrowserJourney : AppFixture
{
    /// <summary>
    /// Marks the page's <c>html</c> element with <c>data-socket="open"</c> or <c>"closed"</c> as the page's socket (htmx's ws
    /// extension) opens and closes, so a test can wait for it instead of guessing.
    /// </summary>
    private const string SocketWatch = """
        document.addEventListener("htmx:wsOpen", () => { document.documentElement.dataset.socket = "open"; });
        document.addEventListener("htmx:wsClose", () => { document.documentElement.dataset.socket = "closed"; });
        """;

    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>What went wrong in any page of this test, each line prefixed with whose page it was.</summary>
    protected List<string> BrowserErrors { get; } = [];

    [SetUp]
    public void ForgetBrowserErrors() => BrowserErrors.Clear();

    [TearDown]
    public async Task CloseBrowsersAsync()
    {
        foreach (var context in _contexts)
            await context.DisposeAsync();
        _contexts.Clear();
    }

    /// <summary>
    /// A new user named from <paramref name="name"/>, signed up and on the public chat in a fresh context; with
    /// <paramref name="confirmEmail"/>, their address confirmed (joining a group needs it). Signing up in the browser is
    /// <see cref="EndToEnd.SignUpJourneyTests"/>' subject; here it is only the way in, so it goes over HTTP (two page loads
    /// fewer a person) and the browser starts with that session's cookies.
    /// </summary>
    protected async Task<BrowserPerson> SignUpAsync(string name, bool confirmEmail = false)
    {
        var user = TestUser.Create(name);
        using var web = App.NewSession();
        await web.RegisterAsync(user);
        if (confirmEmail)
        {
            var mail = await App.Mailbox.WaitForMailAsync(user.Email);
            await web.GetPageAsync(mail.Link.PathAndQuery);
        }
        var context = await Chromium.NewContextAsync(App.BaseAddress);
        await context.AddInitScriptAsync(SocketWatch);
        _contexts.Add(context);
        await context.AddCookiesAsync(web.Cookies.GetAllCookies().Select(cookie => new Cookie
        {
            Name = cookie.Name,
            Value = cookie.Value,
            Url = App.BaseAddress.ToString(),
            HttpOnly = cookie.HttpOnly,
        }));
        var page = await context.NewPageAsync();
        page.CollectErrors(BrowserErrors, $"{name}: ");

        await page.GotoAsync("/");
        if (confirmEmail) await Expect(page.GetByTestId("verify-banner")).ToHaveCountAsync(0);
        await Expect(page.Locator("#composer-body")).ToBeVisibleAsync();
        return new BrowserPerson(name, user, context, page);
    }

    /// <summary>Alice and Bob signed up, each on the public chat with the socket open (each page counts both people).</summary>
    protected async Task<(BrowserPerson Alice, BrowserPerson Bob)> TwoInThePublicChatAsync()
    {
        var alice = await SignUpAsync("alice");
        var bob = await SignUpAsync("bob");
        await Expect(alice.OnlineCount).ToHaveTextAsync("2 online");
        await Expect(bob.OnlineCount).ToHaveTextAsync("2 online");
        return (alice, bob);
    }

    /// <summary>Another tab of <paramref name="person"/>'s (same cookies), its errors collected under <paramref name="label"/>.</summary>
    protected async Task<IPage> NewPageAsync(BrowserPerson person, string label)
    {
        var page = await person.Context.NewPageAsync();
        page.CollectErrors(BrowserErrors, $"{label}: ");
        return page;
    }

    /// <summary>Waits until the socket of the document <paramref name="page"/> shows now is open.</summary>
    protected static Task ExpectSocketOpenAsync(IPage page) =>
        Expect(page.Locator("html[data-socket='open']")).ToHaveCountAsync(1);

    /// <summary>Waits until the socket of the document <paramref name="page"/> shows now has closed (and stays shut).</summary>
    protected static Task ExpectSocketClosedAsync(IPage page) =>
        Expect(page.Locator("html[data-socket='closed']")).ToHaveCountAsync(1);

    /// <summary>
    /// No script errors and no failed loads on any page. <paramref name="allowed"/>: the console errors a test expects,
    /// e.g. Chromium's "Failed to load resource: ... status of 422" for a refused message (htmx swaps that answer in).
    /// </summary>
    protected void AssertNoBrowserErrors(params string[] allowed)
    {
        var errors = BrowserErrors.Where(e => !allowed.Any(a => e.Contains(a, StringComparison.Ordinal))).ToList();
        foreach (var expected in BrowserErrors.Except(errors))
            TestContext.Out.WriteLine($"expected: {expected}");
        Assert.That(errors, Is.Empty, "no script errors and no failed loads on any page");
    }

    /// <summary>Like <c>ToHaveValueAsync("")</c>, without printing a 2,000-character value when it fails.</summary>
    protected static async Task ExpectEmptyComposerAsync(BrowserPerson person, float timeout = 5000)
    {
        try
        {
            await person.Page.WaitForFunctionAsync("() => document.querySelector('#composer-body')?.value === ''", null, new() { Timeout = timeout });
        }
        catch (TimeoutException)
        {
            var value = await person.Composer.EvaluateAsync<string>("el => el.value");
            Assert.Fail($"The composer should be empty after sending; it holds {value.Length} characters: \"{value[..Math.Min(40, value.Length)]}…\"");
        }
    }
}
