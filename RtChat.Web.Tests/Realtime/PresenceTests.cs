using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Realtime;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Realtime;

/// <summary>The room's online count, live: counted per connection, so two tabs are one person and closing one keeps them online.</summary>
public sealed class PresenceTests : AppFixture
{

    /// <summary>Waits (bounded) until the server has let go of every socket but <paramref name="open"/> in the room.</summary>
    private async Task WaitForServerSocketsAsync(string room, int open)
    {
        var sockets = App.Services.GetRequiredService<LocalSockets>();
        var roomId = await App.RoomIdAsync(room);
        var clock = Stopwatch.StartNew();
        while (sockets.All.Count(c => c.RoomId == roomId) != open)
        {
            if (clock.Elapsed > ChatSocket.Patience)
                Assert.Fail($"The server still holds {sockets.All.Count(c => c.RoomId == roomId)} sockets in {room}, expected {open}.");
            await Task.Delay(20);
        }
    }

    [Test]
    public async Task Two_tabs_count_once_closing_one_keeps_the_user_online_and_closing_both_does_not()
    {
        var (aliceWeb, alice) = await App.SignedUpAsync("alice");
        var (bobWeb, bob) = await App.SignedUpAsync("bob");
        using var _ = aliceWeb;
        using var __ = bobWeb;
        var room = await App.CreateGroupAsync(alice, bob);

        await using var aliceTab1 = await ChatSocket.ConnectAsync(App.BaseAddress, aliceWeb, room, name: "alice's first tab");
        await using var aliceTab2 = await ChatSocket.ConnectAsync(App.BaseAddress, aliceWeb, room, name: "alice's second tab");
        await using var bobTab = await ChatSocket.ConnectAsync(App.BaseAddress, bobWeb, room, name: "bob's tab");
        await bobTab.WaitForOnlineCountAsync(2);
        var seenWhenBothOnline = bobTab.Received.Count;

        await aliceTab1.CloseAsync();
        await WaitForServerSocketsAsync(room, open: 2);
        // A tab opened now sees only presence computed after alice's first tab was gone.
        await using var bobTab2 = await ChatSocket.ConnectAsync(App.BaseAddress, bobWeb, room, name: "bob's second tab");
        var afterOneClosed = await bobTab2.WaitForAsync(frame => ChatSocket.OnlineCountIn(frame) is not null, "an online count");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ChatSocket.OnlineCountIn(afterOneClosed), Is.EqualTo(2), "alice is still online in her other tab");
            Assert.That(bobTab.Received.Skip(seenWhenBothOnline).Select(ChatSocket.OnlineCountIn).OfType<int>(), Is.All.EqualTo(2),
                "bob's open tab never saw alice go offline");
        }

        await aliceTab2.CloseAsync();
        var afterBothClosed = await bobTab.WaitForOnlineCountAsync(1);

        var change = await WebSession.ParseHtmlAsync(afterBothClosed, App.BaseAddress);
        var aliceId = await App.UserIdAsync(alice);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(change.QuerySelector("#online-count")?.GetAttribute("hx-swap-oob"), Is.EqualTo("true"));
            Assert.That(change.QuerySelector("#online-count")?.TextContent, Does.Contain("1 online"));
            Assert.That(RulesIn(change), Is.EqualTo(new[] { (aliceId, false) }), "only alice changed: her dots turn back");
        }
        await bobTab2.WaitForOnlineCountAsync(1);
    }

    [Test]
    public async Task A_socket_starts_from_the_whole_online_list_then_hears_only_who_changed()
    {
        var (aliceWeb, alice) = await App.SignedUpAsync("alice");
        var (bobWeb, bob) = await App.SignedUpAsync("bob");
        var (carolWeb, carol) = await App.SignedUpAsync("carol");
        using var _ = aliceWeb;
        using var __ = bobWeb;
        using var ___ = carolWeb;
        var room = await App.CreateGroupAsync(alice, bob, carol);
        var (aliceId, bobId, carolId) = (await App.UserIdAsync(alice), await App.UserIdAsync(bob), await App.UserIdAsync(carol));
        await using var aliceTab = await ChatSocket.ConnectAsync(App.BaseAddress, aliceWeb, room, name: "alice's tab");
        await using var bobTab = await ChatSocket.ConnectAsync(App.BaseAddress, bobWeb, room, name: "bob's tab");
        await aliceTab.WaitForOnlineCountAsync(2);

        await using var carolTab = await ChatSocket.ConnectAsync(App.BaseAddress, carolWeb, room, name: "carol's tab");
        var whole = await WebSession.ParseHtmlAsync(
            await carolTab.WaitForAsync(frame => frame.Contains("id=\"presence-style\""), "the whole list"), App.BaseAddress);
        var carolArrived = await WebSession.ParseHtmlAsync(await aliceTab.WaitForOnlineCountAsync(3), App.BaseAddress);
        await bobTab.CloseAsync();
        var bobLeft = await WebSession.ParseHtmlAsync(await carolTab.WaitForOnlineCountAsync(2), App.BaseAddress);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whole.QuerySelector("#presence-style")?.GetAttribute("hx-swap-oob"), Is.EqualTo("true"), "replaces the page's list");
            Assert.That(whole.QuerySelector("#presence-style")?.TextContent,
                Does.Contain(aliceId).And.Contain(bobId).And.Contain(carolId), "everyone online, carol too");
            Assert.That(RulesIn(carolArrived), Is.EqualTo(new[] { (carolId, true) }), "alice hears only that carol came");
            Assert.That(RulesIn(bobLeft), Is.EqualTo(new[] { (bobId, false) }), "carol hears only that bob left");
        }
    }

    /// <summary>The per-user rules a change frame appends: whose, and whether it turns their dots green.</summary>
    private static IEnumerable<(string User, bool Online)> RulesIn(AngleSharp.Dom.IDocument frame) =>
        frame.QuerySelectorAll("[hx-swap-oob='beforeend:#presence-style'] style[data-presence-user]")
            .Select(rule => (rule.GetAttribute("data-presence-user")!, rule.TextContent.Contains("--presence-online")));

    [Test]
    public async Task A_page_opened_while_others_are_connected_shows_them_online()
    {
        var (aliceWeb, alice) = await App.SignedUpAsync("alice");
        var (bobWeb, bob) = await App.SignedUpAsync("bob");
        using var _ = aliceWeb;
        using var __ = bobWeb;
        var room = await App.CreateGroupAsync(alice, bob);
        await using var aliceTab = await ChatSocket.ConnectAsync(App.BaseAddress, aliceWeb, room, name: "alice's tab");
        await WaitForServerSocketsAsync(room, open: 1);

        var page = await bobWeb.GetPageAsync(ChatSteps.RoomPath(room));

        Assert.That(page.Document.QuerySelector("#online-count")?.GetAttribute("data-count"), Is.EqualTo("1"));
    }
}
