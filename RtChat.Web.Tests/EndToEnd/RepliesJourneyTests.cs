using Microsoft.Playwright;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>Bob replies to Alice: the quote shows on both pages, and clicking it brings the original into view.</summary>
public sealed class RepliesJourneyTests : BrowserJourney
{
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 3000 };

    private BrowserPerson _alice = null!;
    private BrowserPerson _bob = null!;

    [SetUp]
    public async Task BothSignUpAsync()
    {
        _alice = await SignUpAsync("alice");
        _bob = await SignUpAsync("bob");
        await ExpectSocketOpenAsync(_alice.Page);
        await ExpectSocketOpenAsync(_bob.Page);
    }

    private ILocator ReplyBar(BrowserPerson person) => person.Page.Locator("#composer [data-reply-bar]");

    private async Task ClickReplyAsync(BrowserPerson person, string text)
    {
        var message = person.Page.Locator($"#message-{await App.MessageIdAsync(text)}");
        await message.HoverAsync();
        await message.GetByRole(AriaRole.Button, new() { Name = "Reply to" }).ClickAsync();
    }

    [Test]
    public async Task Bob_replies_to_alice_and_the_quote_on_both_pages_leads_to_the_original()
    {
        var question = $"Shall we meet at noon? {Guid.NewGuid():N}";
        await _alice.SendAsync(question);
        await Expect(_bob.Messages).ToContainTextAsync(question, Live);
        // Enough after it that the original is out of view once the reply comes.
        var filler = "";
        foreach (var i in Enumerable.Range(1, 12))
        {
            filler = $"Filler {i} {Guid.NewGuid():N}";
            await _alice.SendAsync($"{filler}\n\n\nmore lines\n\n\nto scroll");
        }
        await Expect(_bob.Messages).ToContainTextAsync(filler, new() { Timeout = 10_000 });

        // Escape cancels a reply; the button starts another.
        await ClickReplyAsync(_bob, question);
        await Expect(ReplyBar(_bob)).ToBeVisibleAsync();
        await Expect(ReplyBar(_bob)).ToContainTextAsync($"Replying to {_alice.User.Username}: Shall we meet at noon?");
        await Expect(_bob.Composer).ToBeFocusedAsync();
        await _bob.Composer.PressAsync("Escape");
        await Expect(ReplyBar(_bob)).ToBeHiddenAsync();
        await ClickReplyAsync(_bob, question);
        var answer = $"Noon works {Guid.NewGuid():N}";
        await _bob.SendAsync(answer);
        await Expect(ReplyBar(_bob)).ToBeHiddenAsync();

        foreach (var person in new[] { _alice, _bob })
        {
            var quote = person.Message(answer).Locator("a.message-reply");
            await Expect(quote).ToContainTextAsync(_alice.User.Username, Live);
            await Expect(quote).ToContainTextAsync("Shall we meet at noon?");
        }

        // By id: the reply's quote holds the question's words too.
        var original = _alice.Page.Locator($"#message-{await App.MessageIdAsync(question)}");
        await Expect(original).Not.ToBeInViewportAsync();
        await _alice.Message(answer).Locator("a.message-reply").ClickAsync();
        await Expect(original).ToBeInViewportAsync();
        await Expect(original).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("message-flash"));
        await Expect(_alice.Page).ToHaveURLAsync(App.BaseAddress.ToString(), new() { Timeout = 1000 });
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task The_quote_follows_the_original_live_when_alice_edits_it_and_then_deletes_it()
    {
        var question = $"Lunch at noon? {Guid.NewGuid():N}";
        await _alice.SendAsync(question);
        await Expect(_bob.Messages).ToContainTextAsync(question, Live);
        await ClickReplyAsync(_bob, question);
        var answer = $"Sure {Guid.NewGuid():N}";
        await _bob.SendAsync(answer);
        var original = _alice.Page.Locator($"#message-{await App.MessageIdAsync(question)}");
        await Expect(_alice.Message(answer).Locator("a.message-reply")).ToContainTextAsync("Lunch at noon?", Live);

        await original.HoverAsync();
        await original.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await original.Locator("form.message-edit textarea").FillAsync("Lunch at **one** instead?");
        await original.Locator("form.message-edit textarea").PressAsync("Enter");

        foreach (var person in new[] { _alice, _bob })
            await Expect(person.Message(answer).Locator("a.message-reply .message-reply-snippet")).ToHaveTextAsync("Lunch at one instead?", new() { Timeout = 3000 });

        _alice.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await original.HoverAsync();
        await original.GetByRole(AriaRole.Link, new() { Name = "Delete", Exact = true }).ClickAsync();

        foreach (var person in new[] { _alice, _bob })
        {
            await Expect(person.Message(answer).Locator(".message-reply-deleted")).ToHaveTextAsync("Original message deleted", new() { Timeout = 3000 });
            await Expect(person.Message(answer).Locator("a.message-reply")).ToHaveCountAsync(0);
        }
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task A_refused_reply_comes_back_with_its_text_and_its_target_and_can_then_be_cancelled()
    {
        var question = $"Soon deleted {Guid.NewGuid():N}";
        await _alice.SendAsync(question);
        await Expect(_bob.Messages).ToContainTextAsync(question, Live);
        await ClickReplyAsync(_bob, question);
        await App.DeleteMessageAsync(await App.MessageIdAsync(question));

        var answer = $"Too late {Guid.NewGuid():N}";
        await _bob.SendAsync(answer);

        await Expect(_bob.ComposerError).ToContainTextAsync("not in this chat any more");
        await Expect(_bob.Composer).ToHaveValueAsync(answer);
        await Expect(ReplyBar(_bob)).ToBeVisibleAsync();
        await Expect(ReplyBar(_bob)).ToContainTextAsync($"Replying to {_alice.User.Username}");

        await ReplyBar(_bob).GetByRole(AriaRole.Button, new() { Name = "Cancel the reply" }).ClickAsync();
        await Expect(ReplyBar(_bob)).ToBeHiddenAsync();
        await _bob.Composer.PressAsync("Enter");
        await Expect(_alice.Messages).ToContainTextAsync(answer, Live);
        await Expect(_alice.Message(answer).Locator(".message-reply")).ToHaveCountAsync(0);
        AssertNoBrowserErrors("status of 422");
    }
}
