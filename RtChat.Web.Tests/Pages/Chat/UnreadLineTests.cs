using Microsoft.EntityFrameworkCore;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary>Opening a room with unread messages: the page names the first one, where the "new messages" line goes.</summary>
public sealed class UnreadLineTests : AppFixture
{
    [Test]
    public async Task The_line_goes_above_the_first_message_of_someone_else_after_the_read_mark()
    {
        using var chat = await App.PrivateChatAsync();
        var read = await PostAsync(chat.AliceWeb, chat.Room, "Read already");
        await ReadUpToAsync(chat, read);
        await PostAsync(chat.BobWeb, chat.Room, "Bob's own, after his mark");
        var firstUnread = await PostAsync(chat.AliceWeb, chat.Room, "New for bob");
        await PostAsync(chat.AliceWeb, chat.Room, "Also new");

        Assert.That(await FirstUnreadOnBobsPageAsync(chat), Is.EqualTo(firstUnread.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task No_line_when_everything_is_read()
    {
        using var chat = await App.PrivateChatAsync();
        var newest = await PostAsync(chat.AliceWeb, chat.Room, "All read");
        await ReadUpToAsync(chat, newest);

        Assert.That(await FirstUnreadOnBobsPageAsync(chat), Is.Empty, "Razor writes a data- attribute even when it has no value");
    }

    private async Task<long> PostAsync(WebSession web, string room, string body)
    {
        body = $"{body} {Guid.NewGuid()}";
        await (await web.OpenComposerAsync(room)).SendAsync(body);
        return await App.MessageIdAsync(body);
    }

    private async Task ReadUpToAsync(PrivateChat chat, long messageId)
    {
        var (roomId, bobId) = (await App.RoomIdAsync(chat.Room), await App.UserIdAsync(chat.Bob));
        await App.QueryAsync(async db =>
        {
            var membership = await db.Memberships.SingleAsync(m => m.RoomId == roomId && m.UserId == bobId);
            membership.MarkRead(messageId);
            return await db.SaveChangesAsync();
        });
    }

    private static async Task<string?> FirstUnreadOnBobsPageAsync(PrivateChat chat) =>
        (await chat.BobWeb.GetPageAsync(ChatSteps.RoomPath(chat.Room))).Document.QuerySelector("section.chat")?.GetAttribute("data-first-unread");
}
