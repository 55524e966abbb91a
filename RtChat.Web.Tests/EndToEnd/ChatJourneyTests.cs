using Microsoft.Playwright;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>Two people in the public chat, side by side in two browser contexts (own cookies, own socket).</summary>
public sealed class ChatJourneyTests : BrowserJourney
{
    private const string ScreenshotPath = "/tmp/chat-alice.png";

    /// <summary>Delivery to the other person must be live, not "eventually".</summary>
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 2000 };

    private BrowserPerson _alice = null!;
    private BrowserPerson _bob = null!;

    [SetUp]
    public async Task BothOpenThePublicChatAsync() => (_alice, _bob) = await TwoInThePublicChatAsync();

    [Test]
    public async Task Older_messages_load_above_without_moving_what_you_were_reading()
    {
        await App.SeedMessagesAsync(_alice.User, 75);
        var page = _alice.Page;
        await page.ReloadAsync();
        var articles = _alice.Messages.Locator("article");
        await Expect(articles).ToHaveCountAsync(30);
        var firstId = await articles.First.GetAttributeAsync("data-message-id");
        // Scroll up, note where the first message sits and click, in one step: a live frame arriving in between
        // (presence) would otherwise move the view after the measure.
        var before = await page.EvaluateAsync<double>(@"id => {
            document.querySelector('.chat-scroll').scrollTop = 0;
            const top = document.querySelector(`article[data-message-id='${id}']`).getBoundingClientRect().top;
            document.querySelector('#older-messages button').click();
            return top;
        }", firstId);

        await Expect(articles).ToHaveCountAsync(60);
        var anchor = _alice.Messages.Locator($"article[data-message-id='{firstId}']");
        var after = await anchor.BoundingBoxAsync();
        var ids = await articles.EvaluateAllAsync<long[]>("els => els.map(e => Number(e.dataset.messageId))");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after!.Y, Is.EqualTo(before).Within(2), "the message you were reading stays where it was");
            Assert.That(ids, Is.Ordered.Ascending, "older messages sit above, in order");
            Assert.That(ids, Is.Unique);
        }
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task A_message_sent_with_enter_reaches_the_other_person_live_and_empties_the_composer()
    {
        var text = $"Hello Bob {Guid.NewGuid():N}";

        await _alice.Composer.FillAsync(text);
        await _alice.Composer.PressAsync("Enter");

        await Expect(_bob.Messages).ToContainTextAsync(text, Live);
        await Expect(_alice.Messages).ToContainTextAsync(text, Live);
        await Expect(_alice.Message(text)).ToHaveCountAsync(1);
        await ExpectEmptyComposerAsync(_alice);
        await Expect(_alice.Composer).ToBeFocusedAsync();
        await Expect(_bob.Message(text).Locator(".message-author")).ToHaveTextAsync(_alice.User.Username);
        await Expect(_bob.Message(text).Locator("time")).ToHaveTextAsync("just now");
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task Shift_enter_starts_a_new_line_instead_of_sending()
    {
        var token = Guid.NewGuid().ToString("N");
        var sends = CountSends(_alice);

        await _alice.Composer.PressSequentiallyAsync($"first line {token}");
        await _alice.Composer.PressAsync("Shift+Enter");
        await _alice.Composer.PressSequentiallyAsync("second line");

        await Expect(_alice.Composer).ToHaveValueAsync($"first line {token}\nsecond line");
        Assert.That(sends(), Is.Zero, "Shift+Enter sends nothing");

        await _alice.Composer.PressAsync("Enter");

        var body = _bob.Message(token).Locator(".message-body");
        await Expect(body).ToHaveCountAsync(1, new() { Timeout = 2000 });
        await Expect(body).ToHaveCSSAsync("white-space", "pre-wrap");
        Assert.That(await body.InnerTextAsync(), Is.EqualTo($"first line {token}\nsecond line"), "shown on two lines");
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task The_online_count_and_the_authors_dot_follow_the_other_person_leaving_and_coming_back()
    {
        const string green = "rgb(34, 197, 94)";
        var text = $"Am I online? {Guid.NewGuid():N}";
        await _bob.Composer.FillAsync(text);
        await _bob.Composer.PressAsync("Enter");
        var bobsDot = _alice.Message(text).Locator(".presence-dot");
        await Expect(bobsDot).ToHaveCSSAsync("background-color", green);

        await _bob.Page.CloseAsync();

        await Expect(_alice.OnlineCount).ToHaveTextAsync("1 online");
        await Expect(_alice.OnlineCount).ToHaveAttributeAsync("data-count", "1");
        await Expect(bobsDot).Not.ToHaveCSSAsync("background-color", green);

        var bobAgain = await NewPageAsync(_bob, "bob again");
        await bobAgain.GotoAsync(App.BaseAddress.ToString());

        await Expect(_alice.OnlineCount).ToHaveTextAsync("2 online");
        await Expect(bobsDot).ToHaveCSSAsync("background-color", green);
        var bobsRules = _alice.Page.Locator($"#presence-style style[data-presence-user='{await App.UserIdAsync(_bob.User)}']");
        await Expect(bobsRules).ToHaveCountAsync(1);
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task Own_messages_sit_on_the_right_others_on_the_left()
    {
        var text = $"Which side am I on? {Guid.NewGuid():N}";

        await _alice.Composer.FillAsync(text);
        await _alice.Composer.PressAsync("Enter");
        await Expect(_bob.Messages).ToContainTextAsync(text, Live);
        await Expect(_alice.Messages).ToContainTextAsync(text, Live);

        var reply = $"Left, from here {Guid.NewGuid():N}";
        await _bob.Composer.FillAsync(reply);
        await _bob.Composer.PressAsync("Enter");
        await Expect(_alice.Messages).ToContainTextAsync(reply, Live);

        await Expect(_alice.Message(text)).ToHaveCSSAsync("flex-direction", "row-reverse");
        await Expect(_bob.Message(text)).ToHaveCSSAsync("flex-direction", "row");
        await Expect(_alice.Message(reply)).ToHaveCSSAsync("flex-direction", "row");
        await Expect(_bob.Message(reply)).ToHaveCSSAsync("flex-direction", "row-reverse");
        await _alice.Page.ScreenshotAsync(new() { Path = ScreenshotPath });
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task A_blank_message_shows_the_composer_error_and_is_not_sent()
    {
        var sends = CountSends(_alice);

        await _alice.Composer.PressAsync("Enter");

        Assert.That(await _alice.Composer.EvaluateAsync<bool>("el => el.validity.valueMissing"), Is.True,
            "an empty composer is stopped by the browser (required)");
        await _alice.Composer.FillAsync("   \n  ");
        await _alice.Composer.PressAsync("Enter");

        await Expect(_alice.ComposerError).ToHaveTextAsync("Write something before sending.");
        Assert.That(sends(), Is.EqualTo(1), "only the blank (not empty) one reached the server");
        await Expect(_alice.Composer).ToBeFocusedAsync();

        await SendAfterAnErrorAsync();
        AssertNoBrowserErrors("status of 422");
    }

    [Test]
    public async Task A_too_long_message_keeps_the_typed_text_with_an_error()
    {
        var text = new string('x', 1990) + Guid.NewGuid().ToString("N")[..11]; // 2,001 characters
        // The textarea's maxlength stops typing past 2,000; a script (or an old browser) can still post more.
        await _alice.Composer.EvaluateAsync("(el, text) => { el.removeAttribute('maxlength'); el.value = text; }", text);

        await _alice.Composer.PressAsync("Enter");

        await Expect(_alice.ComposerError).ToHaveTextAsync("Messages are at most 2,000 characters; this one has 2,001.");
        Assert.That(await _alice.Composer.EvaluateAsync<string>("el => el.value") == text, Is.True, "the typed text is kept");
        await Expect(_bob.Messages).Not.ToContainTextAsync(text[^11..]);

        await SendAfterAnErrorAsync();
        AssertNoBrowserErrors("status of 422");
    }

    /// <summary>The composer that came back with the error still sends, and the error goes.</summary>
    private async Task SendAfterAnErrorAsync()
    {
        var text = $"Second try {Guid.NewGuid():N}";
        await _alice.Composer.FillAsync(text);
        await _alice.Composer.PressAsync("Enter");

        await Expect(_bob.Messages).ToContainTextAsync(text, Live);
        await ExpectEmptyComposerAsync(_alice);
        await Expect(_alice.ComposerError).ToHaveCountAsync(0);
    }

    private static Func<int> CountSends(BrowserPerson person)
    {
        var sends = 0;
        person.Page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.Contains("handler=Send", StringComparison.Ordinal))
                Interlocked.Increment(ref sends);
        };
        return () => Volatile.Read(ref sends);
    }
}
