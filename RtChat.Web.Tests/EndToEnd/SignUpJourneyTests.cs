using Microsoft.Playwright;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>Journeys in a real browser (Debian's Chromium) against the app on Kestrel.</summary>
public sealed class SignUpJourneyTests : AppFixture
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private readonly List<string> _browserErrors = [];

    [SetUp]
    public async Task OpenBrowserAsync()
    {
        _context = await Chromium.NewContextAsync(App.BaseAddress);
        _page = await _context.NewPageAsync();
        _browserErrors.Clear();
        _page.CollectErrors(_browserErrors);
    }

    [TearDown]
    public async Task CloseBrowserAsync() => await _context.DisposeAsync();

    [Test]
    public async Task Sign_up_then_open_the_confirmation_link_shows_your_name_and_no_verify_banner()
    {
        var user = TestUser.Create("e2e");

        await SignUpAsync(user);

        await Expect(_page).ToHaveURLAsync(new Uri(App.BaseAddress, "/profile/onboarding?returnUrl=%2F").ToString());
        await Expect(_page.GetByTestId("verify-banner")).ToBeVisibleAsync();
        await _page.GetByTestId("skip").ClickAsync();
        await Expect(_page).ToHaveURLAsync(App.BaseAddress.ToString());

        var mail = await App.Mailbox.WaitForMailAsync(user.Email);
        await _page.GotoAsync(mail.Link.ToString());

        await Expect(_page.GetByTestId("header-name")).ToHaveTextAsync(user.Username);
        await Expect(_page.GetByTestId("verify-banner")).ToHaveCountAsync(0);
        await Expect(_page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"{user.Email} is confirmed");
        Assert.That(_browserErrors, Is.Empty, "no script errors and no failed loads (css, htmx, hyperscript) on the way");
    }

    [Test]
    public async Task The_header_menu_opens_closes_on_escape_and_logs_out()
    {
        var user = TestUser.Create("menu");
        await SignUpAsync(user);
        var menuButton = _page.GetByTestId("user-menu");
        var logOut = _page.GetByRole(AriaRole.Menuitem, new() { Name = "Log out" });

        await menuButton.ClickAsync();
        await Expect(logOut).ToBeVisibleAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "true");
        await _page.Keyboard.PressAsync("Escape");
        await Expect(logOut).ToBeHiddenAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "false");

        await menuButton.ClickAsync();
        await logOut.ClickAsync();

        await Expect(_page.GetByRole(AriaRole.Link, new() { Name = "Log in" }).First).ToBeVisibleAsync();
        await Expect(_page.GetByTestId("header-name")).ToHaveCountAsync(0);
        await Expect(_page.GetByRole(AriaRole.Alert)).ToContainTextAsync("You have logged out");
        Assert.That(_browserErrors, Is.Empty);
    }

    [Test]
    public async Task A_flash_message_can_be_dismissed()
    {
        await SignUpAsync(TestUser.Create("flash"));
        var flash = _page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Welcome" });
        await Expect(flash).ToBeVisibleAsync();

        await flash.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();

        await Expect(flash).ToHaveCountAsync(0);
    }

    private async Task SignUpAsync(TestUser user)
    {
        await _page.SubmitSignUpAsync(user);
        await Expect(_page.GetByTestId("header-name")).ToHaveTextAsync(user.Username);
    }
}
