using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>
/// Alice allowed notifications and has RtChat in a background tab: what concerns her (a private message, a mention)
/// shows as a system notification; the rest, and what her page had already shown, does not.
/// </summary>
public sealed partial class NotificationJourneyTests : BrowserJourney
{
    private BrowserPerson _alice = null!;
    private BrowserPerson _bob = null!;

    [SetUp]
    public async Task TwoPeopleAsync()
    {
        _alice = await SignUpAsync("alice");
        _bob = await SignUpAsync("bob", confirmEmail: true);
    }

    [Test]
    public async Task A_private_message_while_the_tab_is_hidden_notifies_with_the_senders_name_and_text()
    {
        await _alice.AllowAndRecordNotificationsAsync();
        var roomId = await BothInTheirPrivateChatAsync();
        await _alice.Page.HideTabAsync();
        var text = $"Lunch at noon? {Guid.NewGuid():N}";

        await _bob.SendAsync(text);

        await Expect(_alice.Message(text)).ToHaveCountAsync(1);
        var seen = await _alice.Page.NotificationsAsync();
        Assert.That(seen, Is.EqualTo(new[] { new SeenNotification(_bob.User.Username, text, $"rtchat-room-{roomId}") }));
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task A_private_message_while_the_tab_is_shown_does_not_notify()
    {
        await _alice.AllowAndRecordNotificationsAsync();
        await BothInTheirPrivateChatAsync();
        var text = $"Seen it already {Guid.NewGuid():N}";

        await _bob.SendAsync(text);

        await Expect(_alice.Message(text)).ToHaveCountAsync(1);
        Assert.That(await _alice.Page.NotificationsAsync(), Is.Empty);
    }

    [Test]
    public async Task A_public_message_that_does_not_mention_her_does_not_notify()
    {
        await _alice.AllowAndRecordNotificationsAsync();
        await _alice.Page.ReloadAsync();
        await ExpectSocketOpenAsync(_alice.Page);
        await ExpectSocketOpenAsync(_bob.Page);
        await _alice.Page.HideTabAsync();
        var text = $"Hello everyone {Guid.NewGuid():N}";

        await _bob.SendAsync(text);

        // The page handles a frame in one go: once the message shows, a notification for it would exist already.
        await Expect(_alice.Message(text)).ToHaveCountAsync(1);
        Assert.That(await _alice.Page.NotificationsAsync(), Is.Empty);
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task A_public_message_that_mentions_her_notifies()
    {
        await _alice.AllowAndRecordNotificationsAsync();
        await _alice.Page.ReloadAsync();
        await ExpectSocketOpenAsync(_alice.Page);
        await _alice.Page.HideTabAsync();
        var viewerId = await _alice.Page.Locator("body").GetAttributeAsync("data-viewer-id");
        var text = $"Ping {Guid.NewGuid():N}";

        // The frame a message mentioning alice arrives in: the article as the server renders it, with the mentions
        // attribute that mentions add (its ids, space-separated), through the page's real socket handling.
        await _alice.Page.EvaluateAsync("""
            ([text, viewer]) => {
              const article = `<article id="message-900000001" class="message" data-message-id="900000001" data-author-id="someone-else" data-mentions="x ${viewer}">`
                + `<div class="message-content"><header class="message-meta"><span class="message-author">Carol</span></header>`
                + `<p class="message-body">${text}</p></div></article>`;
              const frame = `<div id="messages" hx-swap-oob="beforeend">${article}</div>`;
              window.__lastSocket.dispatchEvent(new MessageEvent("message", { data: frame }));
            }
            """, new object?[] { text, viewerId });

        await Expect(_alice.Message(text)).ToHaveCountAsync(1);
        var seen = await _alice.Page.NotificationsAsync();
        Assert.That(seen.Select(n => (n.Title, n.Body)), Is.EqualTo(new[] { ("Carol mentioned you in Public chat", text) }));
    }

    [Test]
    public async Task Messages_the_page_showed_and_gets_again_on_resume_do_not_notify_and_new_ones_still_do()
    {
        await _alice.AllowAndRecordNotificationsAsync();
        await BothInTheirPrivateChatAsync();
        var before = $"Before you left {Guid.NewGuid():N}";
        await _bob.SendAsync(before);
        await Expect(_alice.Message(before)).ToHaveCountAsync(1);
        var id = long.Parse((await _alice.Message(before).GetAttributeAsync("data-message-id"))!);
        await _alice.Page.HideTabAsync();

        await _alice.Page.ReconnectSocketAsync();

        // The resume sends the newest messages at or below the page's newest again (its overlap): this one among them.
        await _alice.Page.ExpectFramesWithMessageAsync(id, times: 2);
        await Expect(_alice.Message(before)).ToHaveCountAsync(1);
        Assert.That(await _alice.Page.NotificationsAsync(), Is.Empty);

        var after = $"While you were away {Guid.NewGuid():N}";
        await _bob.SendAsync(after);

        await Expect(_alice.Message(after)).ToHaveCountAsync(1);
        Assert.That((await _alice.Page.NotificationsAsync()).Select(n => n.Body), Is.EqualTo(new[] { after }));
    }

    [Test]
    public async Task On_another_page_a_private_message_notifies_with_the_chats_name()
    {
        var roomId = await BothInTheirPrivateChatAsync();
        await _alice.AllowAndRecordNotificationsAsync();
        await _alice.Page.GotoAsync("/profile");
        await ExpectSocketOpenAsync(_alice.Page);
        await Expect(_alice.Page.Locator($"#chat-item-{roomId}")).ToHaveCountAsync(1);
        await _alice.Page.HideTabAsync();
        var text = $"Are you there? {Guid.NewGuid():N}";

        await _bob.SendAsync(text);

        await Expect(_alice.Page.Locator($"#chat-item-{roomId}")).ToHaveAttributeAsync("data-unread", "1");
        var seen = await _alice.Page.NotificationsAsync();
        Assert.That(seen.Select(n => (n.Title, n.Tag)), Is.EqualTo(new[] { ($"New message in {_bob.User.Username}", $"rtchat-room-{roomId}") }));
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task A_private_chat_someone_starts_while_she_is_on_another_page_notifies_its_first_message()
    {
        await _alice.AllowAndRecordNotificationsAsync();
        await _alice.Page.GotoAsync("/profile");
        await ExpectSocketOpenAsync(_alice.Page);
        await Expect(_alice.Page.Locator("#chat-list .chat-item")).ToHaveCountAsync(1); // the public chat only
        await _alice.Page.HideTabAsync();
        await _bob.Page.GotoAsync($"/u/{_alice.User.Username}");
        await _bob.Page.GetByTestId("message-button").ClickAsync();
        await Expect(_bob.Page).ToHaveURLAsync(RoomUrl());
        await ExpectSocketOpenAsync(_bob.Page);

        await _bob.SendAsync($"Hi Alice, a new chat {Guid.NewGuid():N}");

        await Expect(_alice.Page.Locator("#chat-list .chat-item")).ToHaveCountAsync(2);
        await _alice.Page.WaitForFunctionAsync("() => window.__notifications.length > 0");
        var seen = await _alice.Page.NotificationsAsync();
        Assert.That(seen.Select(n => n.Title), Is.EqualTo(new[] { $"New message in {_bob.User.Username}" }));
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task The_switch_in_the_user_menu_turns_them_off_and_on_from_the_keyboard()
    {
        await _alice.AllowAndRecordNotificationsAsync();
        await BothInTheirPrivateChatAsync();
        var toggle = _alice.Page.GetByTestId("notify-toggle");
        await _alice.Page.GetByTestId("user-menu").ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(toggle).ToContainTextAsync("On");

        await toggle.FocusAsync();
        await _alice.Page.Keyboard.PressAsync("Enter");

        await Expect(toggle).ToHaveAttributeAsync("aria-checked", "false");
        await Expect(toggle).ToContainTextAsync("Off");
        await _alice.Page.HideTabAsync();
        var muted = $"Nobody hears this {Guid.NewGuid():N}";
        await _bob.SendAsync(muted);
        await Expect(_alice.Message(muted)).ToHaveCountAsync(1);
        Assert.That(await _alice.Page.NotificationsAsync(), Is.Empty, "off: no notification");

        await _alice.Page.ShowTabAsync();
        await toggle.FocusAsync();
        await _alice.Page.Keyboard.PressAsync("Enter");
        await Expect(toggle).ToHaveAttributeAsync("aria-checked", "true");
    }

    [Test]
    public async Task Without_the_browsers_permission_the_switch_is_off()
    {
        await _alice.RecordNotificationsAsync();
        await _alice.Page.ReloadAsync();
        await _alice.Page.GetByTestId("user-menu").ClickAsync();

        var toggle = _alice.Page.GetByTestId("notify-toggle");

        await Expect(toggle).ToBeVisibleAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-checked", "false");
    }

    /// <summary>Alice opens a private chat with Bob, and Bob opens it too; both sockets open. The room's id.</summary>
    private async Task<int> BothInTheirPrivateChatAsync()
    {
        await _alice.Page.GotoAsync($"/u/{_bob.User.Username}");
        await _alice.Page.GetByTestId("message-button").ClickAsync();
        await Expect(_alice.Page).ToHaveURLAsync(RoomUrl());
        await _bob.Page.GotoAsync(_alice.Page.Url);
        await Expect(_bob.Page.GetByTestId("chat-person")).ToContainTextAsync(_alice.User.Username);
        await ExpectSocketOpenAsync(_alice.Page);
        await ExpectSocketOpenAsync(_bob.Page);
        var name = Uri.UnescapeDataString(new Uri(_alice.Page.Url).AbsolutePath["/chat/room/".Length..]);
        return await App.RoomIdAsync(name);
    }

    [GeneratedRegex("/chat/room/[^/?]+$")]
    private static partial Regex RoomUrl();
}
