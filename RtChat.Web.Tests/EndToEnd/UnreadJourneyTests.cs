using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>Bob comes back to the public chat after Alice wrote a lot: it opens at a "New messages" line, not at the newest.</summary>
public sealed class UnreadJourneyTests : BrowserJourney
{
    [Test]
    public async Task The_chat_opens_at_a_new_messages_line_above_the_first_unread_and_not_once_read()
    {
        var (alice, bob) = await TwoInThePublicChatAsync();
        await bob.Page.GotoAsync("/profile");
        var read = (await App.SeedMessagesAsync(alice.User, 1))[0];
        await App.MarkReadAsync(bob.User, ChatSteps.PublicRoom, read);
        var unread = await App.SeedMessagesAsync(alice.User, 30);

        await bob.Page.GotoAsync("/");

        var line = bob.Messages.Locator("article.first-unread");
        await Expect(line).ToHaveAttributeAsync("data-message-id", unread[0].ToString(CultureInfo.InvariantCulture));
        await Expect(line).ToBeInViewportAsync();
        await Expect(bob.Messages.Locator($"#message-{unread[^1]}")).Not.ToBeInViewportAsync();

        // The page said it was read: the next visit has no line.
        await ReadMarkReachesAsync(bob.User, unread[^1]);
        await bob.Page.ReloadAsync();
        await Expect(bob.Page.Locator("#read-mark[data-read-up-to]")).ToHaveCountAsync(1);
        await Expect(bob.Messages.Locator("article.first-unread")).ToHaveCountAsync(0);
        AssertNoBrowserErrors();
    }

    private async Task ReadMarkReachesAsync(TestUser user, long messageId)
    {
        var (roomId, userId) = (await App.RoomIdAsync(ChatSteps.PublicRoom), await App.UserIdAsync(user));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        long mark;
        do
        {
            await Task.Delay(100);
            mark = await App.QueryAsync(db => db.Memberships.Where(m => m.RoomId == roomId && m.UserId == userId).Select(m => m.LastReadMessageId).SingleAsync());
        } while (mark < messageId && DateTime.UtcNow < deadline);
        Assert.That(mark, Is.EqualTo(messageId), "the page marks what it showed read within a few seconds");
    }
}
