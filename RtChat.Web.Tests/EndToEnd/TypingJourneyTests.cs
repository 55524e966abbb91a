using Microsoft.Playwright;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>Two people in the public chat: one types, the other sees it live, and it goes away when the typing stops.</summary>
public sealed class TypingJourneyTests : BrowserJourney
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Realtime:TypingTimeout"] = "00:00:01.5",
    };

    [Test]
    public async Task Bob_sees_alice_typing_until_she_stops()
    {
        var alice = await SignUpAsync("alice");
        var bob = await SignUpAsync("bob");
        await Expect(alice.OnlineCount).ToHaveTextAsync("2 online");
        await Expect(bob.OnlineCount).ToHaveTextAsync("2 online");
        // What shows: the names the line carries for the page's sentence are hidden.
        var bobsLine = bob.Page.Locator("#typing");

        await alice.Composer.PressSequentiallyAsync("Hello B");

        await Expect(bobsLine).ToHaveTextAsync($"{alice.User.Username} is typing…", new() { UseInnerText = true, Timeout = 2000 });
        await Expect(alice.Page.Locator("#typing")).ToHaveTextAsync("", new() { UseInnerText = true, Timeout = 500 });
        await Expect(bobsLine).ToHaveTextAsync("", new() { UseInnerText = true, Timeout = 4000 });
        AssertNoBrowserErrors();
    }
}
