using Microsoft.Playwright;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>Alice edits and deletes her messages in the public chat, by mouse and by keyboard; Bob sees each change live.</summary>
public sealed class EditingJourneyTests : BrowserJourney
{
    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = 3000 };

    private BrowserPerson _alice = null!;
    private BrowserPerson _bob = null!;

    [SetUp]
    public async Task BothOpenThePublicChatAsync() => (_alice, _bob) = await TwoInThePublicChatAsync();

    private static ILocator Article(BrowserPerson person, long id) => person.Page.Locator($"#message-{id}");

    private static ILocator EditBox(BrowserPerson person, long id) => Article(person, id).Locator("form.message-edit textarea");

    /// <summary>Alice sends <paramref name="text"/>; returns its id once both pages show it.</summary>
    private async Task<long> AliceSendsAsync(string text)
    {
        await _alice.SendAsync(text);
        var id = await WaitForStoredAsync(text);
        await Expect(Article(_alice, id).Locator(".message-body")).ToHaveTextAsync(text, Live);
        await Expect(Article(_bob, id).Locator(".message-body")).ToHaveTextAsync(text, Live);
        return id;
    }

    private async Task<long> WaitForStoredAsync(string text)
    {
        for (var tries = 0; ; tries++)
        {
            if (await App.HasMessageAsync(text)) return await App.MessageIdAsync(text);
            if (tries == 100) throw new AssertionException($"\"{text}\" was never stored.");
            await Task.Delay(50);
        }
    }

    [Test]
    public async Task Alice_edits_her_message_and_bob_sees_the_new_text_live()
    {
        var original = $"Meet at 5 {Guid.NewGuid():N}";
        var edited = $"Meet at 6 {Guid.NewGuid():N}";
        var id = await AliceSendsAsync(original);

        await Article(_alice, id).HoverAsync();
        await Article(_alice, id).GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Expect(EditBox(_alice, id)).ToHaveValueAsync(original);
        await Expect(EditBox(_alice, id)).ToBeFocusedAsync();
        await EditBox(_alice, id).FillAsync(edited);
        await EditBox(_alice, id).PressAsync("Enter");

        foreach (var person in new[] { _alice, _bob })
        {
            await Expect(Article(person, id).Locator(".message-body")).ToHaveTextAsync(edited, Live);
            await Expect(Article(person, id).Locator(".message-edited")).ToHaveTextAsync("(edited)", Live);
        }
        await Expect(Article(_alice, id).Locator("form.message-edit")).ToHaveCountAsync(0);
        await Expect(_alice.Composer).ToBeFocusedAsync();
        await Expect(Article(_alice, id).Locator("time")).ToHaveTextAsync("just now");
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task Alice_deletes_a_message_and_bob_sees_the_tombstone_live()
    {
        var text = $"Oops, wrong chat {Guid.NewGuid():N}";
        var id = await AliceSendsAsync(text);
        string? asked = null;
        _alice.Page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };

        await Article(_alice, id).HoverAsync();
        await Article(_alice, id).GetByRole(AriaRole.Link, new() { Name = "Delete", Exact = true }).ClickAsync();

        foreach (var person in new[] { _alice, _bob })
        {
            await Expect(Article(person, id).Locator(".message-tombstone")).ToHaveTextAsync("This message was deleted.", Live);
            await Expect(Article(person, id)).Not.ToContainTextAsync(text);
            await Expect(Article(person, id).Locator(".message-actions")).ToHaveCountAsync(0);
            await Article(person, id).HoverAsync();
            await Expect(Article(person, id).Locator(".message-actions")).ToHaveCountAsync(0);
        }
        Assert.That(asked, Does.StartWith("Delete this message?"), "she was asked first");
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task Declining_the_question_keeps_the_message()
    {
        var text = $"Keep me {Guid.NewGuid():N}";
        var id = await AliceSendsAsync(text);
        _alice.Page.Dialog += async (_, dialog) => await dialog.DismissAsync();

        await Article(_alice, id).HoverAsync();
        await Article(_alice, id).GetByRole(AriaRole.Link, new() { Name = "Delete", Exact = true }).ClickAsync();

        await Expect(Article(_alice, id).Locator(".message-body")).ToHaveTextAsync(text);
        Assert.That((await App.StoredAsync(id)).Deleted, Is.False);
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task Up_in_the_empty_composer_edits_her_newest_message_and_escape_changes_nothing()
    {
        await AliceSendsAsync($"An older one {Guid.NewGuid():N}");
        var newest = $"The newest one {Guid.NewGuid():N}";
        var id = await AliceSendsAsync(newest);
        await ExpectEmptyComposerAsync(_alice);
        await Expect(_alice.Composer).ToBeFocusedAsync();

        await _alice.Composer.PressAsync("ArrowUp");

        await Expect(EditBox(_alice, id)).ToBeFocusedAsync();
        await Expect(EditBox(_alice, id)).ToHaveValueAsync(newest);
        await Expect(Article(_alice, id).Locator(".message-body")).ToBeHiddenAsync();
        await EditBox(_alice, id).PressSequentiallyAsync(" and some second thoughts");
        await EditBox(_alice, id).PressAsync("Escape");

        await Expect(Article(_alice, id).Locator("form.message-edit")).ToHaveCountAsync(0);
        await Expect(Article(_alice, id).Locator(".message-body")).ToHaveTextAsync(newest);
        await Expect(Article(_alice, id).Locator(".message-edited")).ToHaveCountAsync(0);
        await Expect(_alice.Composer).ToBeFocusedAsync();
        Assert.That(await App.StoredAsync(id), Is.EqualTo((newest, false, false, false)), "nothing changed");
        await Expect(Article(_bob, id).Locator(".message-edited")).ToHaveCountAsync(0);
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task A_change_arriving_while_she_edits_keeps_her_form_and_her_typing()
    {
        var id = await AliceSendsAsync($"Two tabs {Guid.NewGuid():N}");
        var elsewhere = $"Changed in her other tab {Guid.NewGuid():N}";
        await _alice.Composer.PressAsync("ArrowUp");
        await EditBox(_alice, id).FillAsync("Typed in this tab");

        await App.EditAsync(id, elsewhere);

        await Expect(Article(_bob, id).Locator(".message-body")).ToHaveTextAsync(elsewhere, Live);
        await Expect(Article(_alice, id).Locator(".message-edited")).ToHaveTextAsync("(edited)", Live);
        await Expect(EditBox(_alice, id)).ToHaveValueAsync("Typed in this tab");
        await Expect(EditBox(_alice, id)).ToBeFocusedAsync();
        await EditBox(_alice, id).PressAsync("Escape");
        await Expect(Article(_alice, id).Locator(".message-body")).ToHaveTextAsync(elsewhere);
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task Up_in_a_composer_with_text_moves_the_caret_and_edits_nothing()
    {
        var id = await AliceSendsAsync($"Not this time {Guid.NewGuid():N}");
        await _alice.Composer.FillAsync("A draft");

        await _alice.Composer.PressAsync("ArrowUp");

        await Expect(_alice.Composer).ToBeFocusedAsync();
        await Expect(Article(_alice, id).Locator("form.message-edit")).ToHaveCountAsync(0);
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task A_refused_edit_keeps_the_typed_text_and_says_why()
    {
        var text = $"Soon too old {Guid.NewGuid():N}";
        var id = await AliceSendsAsync(text);
        await _alice.Composer.PressAsync("ArrowUp");
        await Expect(EditBox(_alice, id)).ToBeFocusedAsync();
        // Her edit window closes while she types.
        await App.SentAgoAsync(id, TimeSpan.FromHours(1));

        await EditBox(_alice, id).FillAsync("My careful late words");
        await EditBox(_alice, id).PressAsync("Enter");

        await Expect(Article(_alice, id).Locator(".message-edit-error")).ToHaveTextAsync("Messages can be edited for 15 minutes after sending.");
        await Expect(EditBox(_alice, id)).ToHaveValueAsync("My careful late words");
        await Expect(EditBox(_alice, id)).ToBeFocusedAsync();
        Assert.That((await App.StoredAsync(id)).Body, Is.EqualTo(text));
        await Expect(Article(_bob, id).Locator(".message-body")).ToHaveTextAsync(text);
        AssertNoBrowserErrors("status of 422");
    }

    [Test]
    public async Task Bob_sees_no_edit_or_delete_on_alices_messages_and_alice_sees_them_on_hers()
    {
        var id = await AliceSendsAsync($"Mine alone {Guid.NewGuid():N}");

        await Article(_bob, id).HoverAsync();
        await Article(_alice, id).HoverAsync();

        await Expect(Article(_bob, id).Locator(".message-actions [data-edit]")).ToBeHiddenAsync();
        await Expect(Article(_bob, id).Locator(".message-actions [data-delete]")).ToBeHiddenAsync();
        await Expect(Article(_alice, id).GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true })).ToBeVisibleAsync();
        await Expect(Article(_alice, id).GetByRole(AriaRole.Link, new() { Name = "Delete", Exact = true })).ToBeVisibleAsync();
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task Her_actions_are_reached_with_tab_and_shown_when_focused()
    {
        var id = await AliceSendsAsync($"By keyboard {Guid.NewGuid():N}");
        var edit = Article(_alice, id).GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true });
        await Article(_alice, id).Locator(".message-username").FocusAsync();

        // The actions in their order: Reply and React (everyone's), then her own.
        await _alice.Page.Keyboard.PressAsync("Tab");
        await Expect(Article(_alice, id).GetByRole(AriaRole.Button, new() { Name = "Reply to" })).ToBeFocusedAsync();
        await _alice.Page.Keyboard.PressAsync("Tab");
        await Expect(Article(_alice, id).Locator("[data-react]")).ToBeFocusedAsync();
        await _alice.Page.Keyboard.PressAsync("Tab");

        await Expect(edit).ToBeFocusedAsync();
        await Expect(Article(_alice, id).Locator(".message-actions")).ToHaveCSSAsync("opacity", "1");
        await _alice.Page.Keyboard.PressAsync("Enter");
        await Expect(EditBox(_alice, id)).ToBeFocusedAsync();
        await _alice.Page.Keyboard.PressAsync("Escape");
        await Expect(_alice.Composer).ToBeFocusedAsync();
        AssertNoBrowserErrors();
    }
}

/// <summary>With a short edit window: Edit goes once it has passed, and Up no longer opens the message.</summary>
public sealed class EditWindowJourneyTests : BrowserJourney
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Chat:EditWindow"] = "00:00:05",
    };

    [Test]
    public async Task Edit_goes_when_the_window_has_passed_and_delete_stays()
    {
        var alice = await SignUpAsync("alice");
        var text = $"Quick {Guid.NewGuid():N}";
        await alice.SendAsync(text);
        var article = alice.Message(text).And(alice.Page.Locator("article[data-message-id]"));
        await article.HoverAsync();
        await Expect(article.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true })).ToBeVisibleAsync();

        await Expect(article.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true })).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await Expect(article.GetByRole(AriaRole.Link, new() { Name = "Delete", Exact = true })).ToBeVisibleAsync();
        await alice.Composer.FocusAsync();
        await alice.Composer.PressAsync("ArrowUp");
        await Expect(article.Locator("form.message-edit")).ToHaveCountAsync(0);
        AssertNoBrowserErrors();
    }
}
