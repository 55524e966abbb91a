using Microsoft.Playwright;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>Alice reacts to Bob's message: both pages show it live, her own pill is marked on her page only, and her second click takes it off.</summary>
public sealed class ReactionsJourneyTests : BrowserJourney
{
    private static readonly LocatorAssertionsToHaveCountOptions Live = new() { Timeout = 3000 };

    private async Task<(BrowserPerson Alice, BrowserPerson Bob, string Text)> BobWroteAsync()
    {
        var alice = await SignUpAsync("alice");
        var bob = await SignUpAsync("bob");
        var text = $"Lunch at noon? {Guid.NewGuid():N}";
        await bob.SendAsync(text);
        await Expect(alice.Message(text)).ToHaveCountAsync(1, Live);
        return (alice, bob, text);
    }

    private static ILocator Pill(BrowserPerson person, string text, string emoji) =>
        person.Message(text).Locator($".reaction[data-reaction='{emoji}']");

    private static Task<string> BackgroundAsync(ILocator pill) => pill.EvaluateAsync<string>("el => getComputedStyle(el).backgroundColor");

    [Test]
    public async Task Alice_reacts_to_bobs_message_both_see_it_live_and_her_second_click_takes_it_off()
    {
        var (alice, bob, text) = await BobWroteAsync();

        await alice.Message(text).HoverAsync();
        await alice.Message(text).Locator(".message-actions [data-react]").ClickAsync();
        await alice.Page.Locator("#reaction-picker [data-emoji='👍']").ClickAsync();

        var bobsPill = Pill(bob, text, "👍");
        var alicesPill = Pill(alice, text, "👍");
        await Expect(bobsPill).ToHaveTextAsync("👍 1", new() { Timeout = 3000 });
        await Expect(bobsPill).ToHaveAttributeAsync("title", $"{alice.User.Username} reacted with 👍");
        await Expect(alicesPill).ToHaveTextAsync("👍 1", new() { Timeout = 3000 });
        await Expect(alice.Page.Locator("#reaction-picker")).ToBeHiddenAsync();
        Assert.That(await BackgroundAsync(alicesPill), Is.Not.EqualTo(await BackgroundAsync(bobsPill)),
            "her own reaction is marked on her page, not on his");

        await alicesPill.ClickAsync();

        await Expect(Pill(bob, text, "👍")).ToHaveCountAsync(0, Live);
        await Expect(Pill(alice, text, "👍")).ToHaveCountAsync(0, Live);
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task The_picker_works_from_the_keyboard_and_escape_closes_it()
    {
        var (alice, bob, text) = await BobWroteAsync();
        var react = alice.Message(text).Locator(".message-actions [data-react]");
        var picker = alice.Page.Locator("#reaction-picker");

        // By keyboard a message's actions come after its author's name.
        await alice.Message(text).Locator(".message-username").FocusAsync();
        await alice.Page.Keyboard.PressAsync("Tab");
        await alice.Page.Keyboard.PressAsync("Tab");
        await Expect(react).ToBeFocusedAsync();
        await alice.Page.Keyboard.PressAsync("Enter");
        await Expect(picker).ToBeVisibleAsync();
        await alice.Page.Keyboard.PressAsync("Escape");
        await Expect(picker).ToBeHiddenAsync();
        await Expect(react).ToBeFocusedAsync();

        await alice.Page.Keyboard.PressAsync("Enter");
        await alice.Page.Keyboard.PressAsync("ArrowRight");
        await Expect(picker.Locator("[data-emoji='❤️']")).ToBeFocusedAsync();
        await alice.Page.Keyboard.PressAsync("Enter");

        await Expect(Pill(bob, text, "❤️")).ToHaveTextAsync("❤️ 1", new() { Timeout = 3000 });
        await Expect(alice.Message(text).Locator(".message-actions [data-react]")).ToBeFocusedAsync(new() { Timeout = 3000 });
        AssertNoBrowserErrors();
    }
}
