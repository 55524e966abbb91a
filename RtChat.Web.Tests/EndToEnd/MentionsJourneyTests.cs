using Microsoft.Playwright;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>Bob mentions Alice with the composer's suggestions; Alice, on another page, sees "@" in her chat list, then the highlight.</summary>
public sealed class MentionsJourneyTests : BrowserJourney
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Live = new() { Timeout = 3000 };

    [Test]
    public async Task Bob_mentions_alice_who_sees_the_badge_elsewhere_and_the_highlight_in_the_room()
    {
        var alice = await SignUpAsync("alice");
        var bob = await SignUpAsync("bob");
        var aliceId = await App.UserIdAsync(alice.User);
        var publicId = await App.RoomIdAsync(ChatSteps.PublicRoom);
        await alice.Page.GotoAsync("/profile");
        await ExpectSocketOpenAsync(alice.Page);
        await ExpectSocketOpenAsync(bob.Page);

        // Bob asks for her by the start of her name and picks her with the keyboard.
        await bob.Composer.PressSequentiallyAsync("Lunch, @" + alice.User.Username[..^1]);
        var options = bob.Page.GetByRole(AriaRole.Listbox, new() { Name = "People to mention" });
        var option = options.GetByRole(AriaRole.Option).Filter(new() { HasText = alice.User.Username });
        await Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(bob.Composer).ToHaveAttributeAsync("aria-expanded", "true");
        await bob.Composer.PressAsync("Enter");
        await Expect(options).ToBeHiddenAsync();
        await Expect(bob.Composer).ToHaveValueAsync($"Lunch, @{alice.User.Username} ");
        await bob.Composer.PressSequentiallyAsync("at noon?");
        await bob.Composer.PressAsync("Enter");

        // Alice, on her profile, sees the public chat's "@" badge come in live.
        var item = alice.Page.Locator($"#chat-list li.chat-item#chat-item-{publicId}");
        await Expect(item).ToHaveAttributeAsync("data-mentioned", "true", Live);
        await alice.Page.GetByTestId("chat-menu").ClickAsync();
        await Expect(item.GetByTestId("mention")).ToBeVisibleAsync();

        // In the room her mention is highlighted for her, and not for Bob.
        await item.Locator("a").ClickAsync();
        var text = $"Lunch, @{alice.User.Username} at noon?";
        var mention = alice.Message(text).Locator($"a.mention[data-user-id='{aliceId}']");
        await Expect(mention).ToHaveTextAsync("@" + alice.User.Username);
        await Expect(alice.Message(text)).ToHaveAttributeAsync("data-mentions", aliceId);
        var forAlice = await mention.EvaluateAsync<string>("el => getComputedStyle(el).backgroundColor");
        var forBob = await bob.Message(text).Locator("a.mention").EvaluateAsync<string>("el => getComputedStyle(el).backgroundColor");
        Assert.That(forAlice, Is.Not.EqualTo(forBob), "highlighted on Alice's page only");
        Assert.That(forBob, Is.EqualTo("rgba(0, 0, 0, 0)"));

        // Reading the room clears her badge.
        await Expect(alice.Page.Locator($"#chat-item-{publicId}")).ToHaveAttributeAsync("data-mentioned", "false", Live);
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task Escape_closes_the_suggestions_and_arrows_move_between_them()
    {
        var bob = await SignUpAsync("bob");
        var first = await SignUpAsync("carla");
        var second = await SignUpAsync("carlb");
        await bob.Page.ReloadAsync();

        await bob.Composer.PressSequentiallyAsync("@carl");
        var options = bob.Page.GetByRole(AriaRole.Listbox, new() { Name = "People to mention" }).GetByRole(AriaRole.Option);
        await Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        var count = await options.CountAsync();
        Assert.That(count, Is.GreaterThanOrEqualTo(2), $"{first.User.Username} and {second.User.Username} at least");
        await bob.Composer.PressAsync("ArrowDown");
        await Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await bob.Composer.PressAsync("ArrowUp");
        await Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");

        await bob.Composer.PressAsync("Escape");

        await Expect(bob.Page.Locator("#mention-options")).ToBeHiddenAsync();
        await Expect(bob.Composer).ToHaveValueAsync("@carl");
        AssertNoBrowserErrors();
    }
}
