using Microsoft.Playwright;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>Two people in the public chat: one types, the other sees it live, and it goes away when the typing stops.</summary>
public sealed class TypingJourneyTests : BrowserJourney
{
    private const float Timeout = 2500;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Realtime:TypingTimeout"] = TimeSpan.FromMilliseconds(Timeout).ToString(),
    };

    // What shows: the names the line carries for the page's sentence are hidden.
    private static LocatorAssertionsToHaveTextOptions Within(float milliseconds) => new() { UseInnerText = true, Timeout = milliseconds };

    private async Task<(BrowserPerson Alice, BrowserPerson Bob)> BothInThePublicChatAsync()
    {
        var alice = await SignUpAsync("alice");
        var bob = await SignUpAsync("bob");
        await Expect(alice.OnlineCount).ToHaveTextAsync("2 online");
        await Expect(bob.OnlineCount).ToHaveTextAsync("2 online");
        return (alice, bob);
    }

    [Test]
    public async Task Bob_sees_alice_typing_until_she_stops()
    {
        var (alice, bob) = await BothInThePublicChatAsync();

        await alice.Composer.PressSequentiallyAsync("Hello B");

        await Expect(bob.Page.Locator("#typing")).ToHaveTextAsync($"{alice.User.Username} is typing…", Within(2000));
        await Expect(alice.Page.Locator("#typing")).ToHaveTextAsync("", Within(500));
        await Expect(bob.Page.Locator("#typing")).ToHaveTextAsync("", Within(Timeout * 2));
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task Alices_message_ends_her_typing_on_bobs_page_at_once()
    {
        var (alice, bob) = await BothInThePublicChatAsync();
        await alice.Composer.PressSequentiallyAsync("Hello B");
        await Expect(bob.Page.Locator("#typing")).ToHaveTextAsync($"{alice.User.Username} is typing…", Within(2000));

        await alice.Composer.PressAsync("Enter");

        await Expect(bob.Messages).ToContainTextAsync("Hello B", new() { Timeout = 2000 });
        await Expect(bob.Page.Locator("#typing")).ToHaveTextAsync("", Within(Timeout / 5));
        AssertNoBrowserErrors();
    }
}
