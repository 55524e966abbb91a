using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>Searching from the header, opening a result in its room, and what that room does while it is open.</summary>
public sealed class SearchJourneyTests : BrowserJourney
{
    /// <summary>A message with <paramref name="text"/> in the public chat, with 40 others before and after it.</summary>
    private async Task<long> DeepInTheHistoryAsync(TestUser author, string text)
    {
        await App.SeedMessagesAsync(author, 40);
        var id = await App.StoreMessageAsync(author, text);
        await App.SeedMessagesAsync(author, 40);
        return id;
    }

    [Test]
    public async Task A_search_finds_a_message_and_a_click_opens_its_room_at_it()
    {
        var alice = await SignUpAsync("alice");
        var target = await DeepInTheHistoryAsync(alice.User, "Meet me at the old lighthouse at noon");

        await alice.Page.GetByTestId("search-link").ClickAsync();
        await alice.Page.Locator("#search-q").FillAsync("lighthouse");
        await alice.Page.Locator("#search-q").PressAsync("Enter");

        var result = alice.Page.Locator("li.search-result");
        await Expect(result).ToHaveCountAsync(1);
        await Expect(result.Locator("mark")).ToHaveTextAsync("lighthouse");
        await Expect(alice.Page).ToHaveURLAsync(new Regex(@"/search\?q=lighthouse"));
        await result.Locator("a").ClickAsync();

        await Expect(alice.Page).ToHaveURLAsync(new Regex($"around={target}$"));
        var message = alice.Page.Locator($"#message-{target}");
        await Expect(message).ToBeInViewportAsync();
        await Expect(message).ToHaveClassAsync(new Regex("message-target"));
        await Expect(alice.Page.GetByTestId("jump-to-newest")).ToBeVisibleAsync();
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task Live_messages_stay_out_of_a_window_below_a_gap_until_one_jumps_to_the_newest()
    {
        var alice = await SignUpAsync("alice");
        var bob = await SignUpAsync("bob");
        var target = await DeepInTheHistoryAsync(alice.User, "The window's message");
        await alice.Page.GotoAsync($"/?around={target}");
        await ExpectSocketOpenAsync(alice.Page);
        await alice.Page.EvaluateAsync("() => { window.sameDocument = true; }");

        await bob.SendAsync("Fresh news from bob");

        await Expect(bob.Message("Fresh news from bob")).ToHaveCountAsync(1);
        await alice.Page.WaitForTimeoutAsync(1000);
        await Expect(alice.Message("Fresh news from bob")).ToHaveCountAsync(0);
        Assert.That(await alice.Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "no reload");
        await alice.Page.GetByTestId("jump-to-newest").ClickAsync();
        await Expect(alice.Message("Fresh news from bob")).ToHaveCountAsync(1);
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task Sending_from_a_window_below_a_gap_goes_to_the_newest()
    {
        var alice = await SignUpAsync("alice");
        var target = await DeepInTheHistoryAsync(alice.User, "Another window's message");
        await alice.Page.GotoAsync($"/?around={target}");
        await ExpectSocketOpenAsync(alice.Page);

        await alice.SendAsync("A reply from the window");

        await Expect(alice.Page).ToHaveURLAsync(App.BaseAddress.ToString());
        await Expect(alice.Message("A reply from the window")).ToBeInViewportAsync();
        AssertNoBrowserErrors();
    }
}
