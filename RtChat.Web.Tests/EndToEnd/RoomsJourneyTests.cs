using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>
/// Private chats, groups, the header's chat list and online total, and the composer on a slow network: two (or three)
/// people side by side in Debian's Chromium against the app on Kestrel.
/// </summary>
public sealed partial class RoomsJourneyTests : BrowserJourney
{
    private const string SendRoute = "**/*handler=Send*";

    /// <summary>Delivery to the other person must be live, not "eventually".</summary>
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 2000 };

    private BrowserPerson _alice = null!;
    private BrowserPerson _bob = null!;

    [SetUp]
    public async Task BothSignUpAsync()
    {
        _alice = await SignUpAsync("alice");
        _bob = await SignUpAsync("bob", confirmEmail: true);
    }

    [Test]
    public async Task Message_on_a_profile_starts_a_private_chat_the_other_sees_in_his_chat_list_live_and_reads()
    {
        await _bob.Page.GotoAsync("/profile");
        await ExpectSocketOpenAsync(_bob.Page);
        var bobsTotal = _bob.Page.GetByTestId("unread-total");
        await Expect(bobsTotal).ToBeHiddenAsync();

        var roomId = await OpenPrivateChatAsync(_alice, _bob, bothOpen: false);
        var text = $"Hi Bob, just us {Guid.NewGuid():N}";
        await _alice.SendAsync(text);

        // Bob, on his profile, sees the new chat come into his list with its badge, without reloading.
        var item = _bob.Page.Locator($"#chat-list li.chat-item#chat-item-{roomId}");
        await Expect(bobsTotal).ToHaveTextAsync("1");
        await Expect(bobsTotal).ToBeVisibleAsync();
        await Expect(item).ToHaveAttributeAsync("data-unread", "1");
        await Expect(item.Locator(".chat-unread")).ToHaveTextAsync("1");
        await Expect(item).ToContainTextAsync(_alice.User.Username);
        await Expect(item.Locator(".chat-dot")).ToHaveCSSAsync("background-color", "rgb(34, 197, 94)"); // alice is on its page
        await Expect(_bob.Page).ToHaveURLAsync(new Uri(App.BaseAddress, "/profile").ToString());

        await _bob.Page.GetByTestId("chat-menu").ClickAsync();
        await item.Locator("a").ClickAsync();

        await Expect(_bob.Page).ToHaveURLAsync(_alice.Page.Url);
        await Expect(_bob.Message(text)).ToHaveCountAsync(1);
        await Expect(_bob.Page.GetByTestId("chat-person")).ToContainTextAsync(_alice.User.Username);
        await Expect(bobsTotal).ToBeHiddenAsync();
        await Expect(_bob.Page.Locator($"#chat-item-{roomId}")).ToHaveAttributeAsync("data-unread", "0");

        await ExpectSocketOpenAsync(_bob.Page);
        var reply = $"Hi Alice {Guid.NewGuid():N}";
        await _bob.SendAsync(reply);

        await Expect(_alice.Messages).ToContainTextAsync(reply, Live);
        await Expect(_alice.Message(reply)).ToHaveCountAsync(1);
        await Expect(_alice.Page.GetByTestId("unread-total")).ToBeHiddenAsync(); // she is reading it
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task A_group_joined_by_invite_link_delivers_live_until_the_admin_removes_the_member()
    {
        var title = $"Hikers {Guid.NewGuid().ToString("N")[..6]}";
        await _alice.Page.GotoAsync("/chat/new");
        await _alice.Page.Locator("#Title").FillAsync(title);
        await _alice.Page.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickAsync();
        await Expect(_alice.Page).ToHaveURLAsync(RoomUrl());
        var roomUrl = _alice.Page.Url;
        await Expect(_alice.Page.Locator(".chat-title")).ToHaveTextAsync(title);
        await Expect(_alice.Page.GetByTestId("leave-group")).ToBeVisibleAsync();

        await _alice.Page.GetByTestId("edit-group").ClickAsync();
        var invite = await _alice.Page.GetByTestId("invite-link").InputValueAsync();
        Assert.That(invite, Does.StartWith(new Uri(App.BaseAddress, "/chat/join/").ToString()));
        await _alice.Page.GetByRole(AriaRole.Link, new() { Name = "Back to the chat" }).ClickAsync();
        await Expect(_alice.Page).ToHaveURLAsync(roomUrl);

        await _bob.Page.GotoAsync(invite);
        await _bob.Page.GetByTestId("join-group").ClickAsync();
        await Expect(_bob.Page).ToHaveURLAsync(roomUrl);
        await Expect(_bob.Page.GetByTestId("chat-members").Locator("li")).ToHaveCountAsync(2);
        await Expect(_bob.Page.GetByTestId("edit-group")).ToHaveCountAsync(0); // not the admin
        await ExpectSocketOpenAsync(_bob.Page);
        await ExpectSocketOpenAsync(_alice.Page);

        var hello = $"Welcome Bob {Guid.NewGuid():N}";
        await _alice.SendAsync(hello);
        await Expect(_bob.Messages).ToContainTextAsync(hello, Live);
        var thanks = $"Thanks Alice {Guid.NewGuid():N}";
        await _bob.SendAsync(thanks);
        await Expect(_alice.Messages).ToContainTextAsync(thanks, Live);

        // Alice removes Bob in another tab; her group page stays open.
        var edit = await NewPageAsync(_alice, "alice's edit tab");
        var asked = new List<string>();
        edit.Dialog += (_, dialog) =>
        {
            asked.Add(dialog.Message);
            dialog.AcceptAsync();
        };
        await edit.GotoAsync(roomUrl.Replace("/chat/room/", "/chat/edit/", StringComparison.Ordinal));
        var bobsRow = edit.GetByTestId("members").Locator("li").Filter(new() { HasText = _bob.User.Username });
        await bobsRow.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(edit.GetByTestId("removed")).ToContainTextAsync(_bob.User.Username);
        await Expect(edit.GetByTestId("members")).Not.ToContainTextAsync(_bob.User.Username);
        Assert.That(asked, Has.One.Matches<string>(m => m.StartsWith("Remove ", StringComparison.Ordinal) && m.EndsWith(" from the group?", StringComparison.Ordinal)),
            "the admin confirmed, asked with the member's name");

        var ended = _bob.Page.GetByTestId("access-ended");
        await Expect(ended).ToContainTextAsync("The admin removed you from this group.", Live);
        await Expect(_bob.Composer).ToBeDisabledAsync();
        await ExpectSocketClosedAsync(_bob.Page);

        var afterwards = $"Bob is gone {Guid.NewGuid():N}";
        await _alice.SendAsync(afterwards);
        await Expect(_alice.Message(afterwards).Locator(".message-body")).ToHaveCountAsync(1, new() { Timeout = 2000 });
        await Expect(_alice.Page.Locator("article.message[data-message-id]").Filter(new() { HasText = afterwards })).ToHaveCountAsync(1);
        // The socket brought it to Alice's page; Bob's shut socket brings nothing, and nothing reconnects it.
        await Expect(_bob.Messages).Not.ToContainTextAsync(afterwards);
        Assert.That(await _bob.Page.Locator("html").GetAttributeAsync("data-socket"), Is.EqualTo("closed"));

        await _bob.Page.GotoAsync(invite);
        await Expect(_bob.Page.GetByTestId("join-refused")).ToBeVisibleAsync();
        await Expect(_bob.Page.GetByTestId("join-group")).ToHaveCountAsync(0);
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task The_online_total_in_every_header_follows_someone_coming_online_and_leaving()
    {
        await OpenPrivateChatAsync(_alice, _bob, bothOpen: false);
        await _bob.Page.GotoAsync("/profile");
        await ExpectSocketOpenAsync(_bob.Page);
        await ExpectSocketOpenAsync(_alice.Page);
        await Expect(_alice.OnlineTotal).ToHaveTextAsync("2 online");
        await Expect(_bob.OnlineTotal).ToHaveTextAsync("2 online");

        var carol = await SignUpAsync("carol");

        await Expect(_alice.OnlineTotal).ToHaveTextAsync("3 online");
        await Expect(_alice.OnlineTotal).ToHaveAttributeAsync("data-count", "3");
        await Expect(_bob.OnlineTotal).ToHaveTextAsync("3 online");
        await Expect(carol.OnlineTotal).ToHaveTextAsync("3 online");

        await carol.Context.CloseAsync();

        await Expect(_alice.OnlineTotal).ToHaveTextAsync("2 online");
        await Expect(_bob.OnlineTotal).ToHaveTextAsync("2 online");
        await Expect(_bob.OnlineTotal).ToHaveAttributeAsync("data-count", "2");
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task On_a_slow_network_quick_messages_go_in_order_once_each_and_a_failed_one_comes_back_into_the_box()
    {
        await OpenPrivateChatAsync(_alice, _bob);
        await ExpectSocketOpenAsync(_alice.Page);
        await ExpectSocketOpenAsync(_bob.Page);
        var inFlight = 0;
        var mostInFlight = 0;
        var requests = 0;
        var gate = new object();
        await _alice.Page.RouteAsync(SendRoute, async route =>
        {
            var now = Interlocked.Increment(ref inFlight);
            Interlocked.Increment(ref requests);
            lock (gate) mostInFlight = Math.Max(mostInFlight, now);
            await Task.Delay(400);
            Interlocked.Decrement(ref inFlight);
            await route.ContinueAsync();
        });
        var token = Guid.NewGuid().ToString("N")[..8];
        var texts = Enumerable.Range(1, 5).Select(i => $"Quick {i} of 5 {token}").ToList();

        foreach (var text in texts)
        {
            await _alice.SendAsync(text);
            // At once: well before the first answer (held 400 ms) could have come back.
            await ExpectEmptyComposerAsync(_alice, timeout: 300);
            await Expect(_alice.Messages.Locator(".message-pending").Filter(new() { HasText = text })).ToHaveCountAsync(1, new() { Timeout = 300 });
        }

        await Expect(_bob.Messages).ToContainTextAsync(texts[^1], new() { Timeout = 10_000 });
        await Expect(_alice.Page.Locator("article.message[data-message-id]").Filter(new() { HasText = texts[^1] })).ToHaveCountAsync(1);
        await Expect(_alice.Messages.Locator(".message-pending")).ToHaveCountAsync(0);
        var bobSaw = await BodiesAsync(_bob, token);
        var aliceSaw = await BodiesAsync(_alice, token);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bobSaw, Is.EqualTo(texts), "each arrives once, in the order typed");
            Assert.That(aliceSaw, Is.EqualTo(texts), "the sender's page holds each once, in order, no copy left");
            Assert.That(mostInFlight, Is.EqualTo(1), "one send at a time");
            Assert.That(requests, Is.EqualTo(5));
        }

        // The network drops the next one: it comes back into the box with the reason.
        await _alice.Page.UnrouteAsync(SendRoute);
        await _alice.Page.RouteAsync(SendRoute, route => route.AbortAsync(), new() { Times = 1 });
        var lost = $"Through a tunnel {token}";
        await _alice.SendAsync(lost);

        await Expect(_alice.ComposerError).ToContainTextAsync("Couldn't reach the server");
        await Expect(_alice.Composer).ToHaveValueAsync(lost);
        await Expect(_alice.Messages.Locator(".message-pending")).ToHaveCountAsync(0);
        await Expect(_alice.Composer).ToBeFocusedAsync();

        await _alice.Composer.PressAsync("Enter");

        await Expect(_bob.Message(lost)).ToHaveCountAsync(1, new() { Timeout = 2000 });
        await ExpectEmptyComposerAsync(_alice);
        await Expect(_alice.ComposerError).ToHaveCountAsync(0);
        await Expect(_alice.Page.Locator("article.message[data-message-id]").Filter(new() { HasText = lost })).ToHaveCountAsync(1);
        await Expect(_alice.Messages.Locator(".message-pending")).ToHaveCountAsync(0);
        AssertNoBrowserErrors("net::ERR_FAILED");
    }

    /// <summary>
    /// <paramref name="from"/> opens <paramref name="to"/>'s profile and clicks Message, landing in their private chat;
    /// <paramref name="to"/> opens it too when <paramref name="bothOpen"/>. Returns the room's id.
    /// </summary>
    private async Task<int> OpenPrivateChatAsync(BrowserPerson from, BrowserPerson to, bool bothOpen = true)
    {
        await from.Page.GotoAsync($"/u/{to.User.Username}");
        await from.Page.GetByTestId("message-button").ClickAsync();
        await Expect(from.Page).ToHaveURLAsync(RoomUrl());
        await Expect(from.Page.GetByTestId("chat-person")).ToContainTextAsync(to.User.Username);
        await ExpectSocketOpenAsync(from.Page);
        if (bothOpen)
        {
            await to.Page.GotoAsync(from.Page.Url);
            await Expect(to.Page.GetByTestId("chat-person")).ToContainTextAsync(from.User.Username);
        }
        var name = Uri.UnescapeDataString(new Uri(from.Page.Url).AbsolutePath["/chat/room/".Length..]);
        return await App.RoomIdAsync(name);
    }

    /// <summary>The bodies of the delivered (not pending) messages on <paramref name="person"/>'s page that hold <paramref name="token"/>, top to bottom.</summary>
    private static async Task<IReadOnlyList<string>> BodiesAsync(BrowserPerson person, string token) =>
        (await person.Page.Locator("#messages article.message[data-message-id] .message-body").AllInnerTextsAsync())
            .Where(body => body.Contains(token, StringComparison.Ordinal))
            .ToList();

    [GeneratedRegex("/chat/room/[^/?]+$")]
    private static partial Regex RoomUrl();
}
