using RtChat.Web.Tests.Support;
using static RtChat.Web.Tests.Support.ReactionSteps;

namespace RtChat.Web.Tests.Realtime;

/// <summary>A reaction reaches every open page of the room as the message with its new counts; a page that was away gets them when it resumes.</summary>
public sealed class ReactionChangesTests : AppFixture
{
    private async Task<(WebSession Web, string UserId, string Room, long MessageId)> GroupWithMessageAsync()
    {
        var (web, user) = await App.SignedUpAsync("reactions");
        var room = await App.CreateGroupAsync(user);
        var body = $"React to me in {room}";
        await (await web.OpenComposerAsync(room)).SendAsync(body);
        return (web, await App.UserIdAsync(user), room, await App.MessageIdAsync(body));
    }

    [Test]
    public async Task A_reaction_reaches_the_rooms_open_pages_with_its_count_and_who()
    {
        var (web, userId, room, id) = await GroupWithMessageAsync();
        using var _ = web;
        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, room, name: "the page");
        await page.SendTextAsync($$"""{"after":{{id}},"changes":0}""");

        using (await web.ReactAsync(id, ThumbsUp)) { }

        var frame = await page.WaitForAsync(f => f.Contains("data-change-id") && ShowsPill(f, ThumbsUp, 1), "the reaction");
        Assert.That(frame, Does.Contain($"data-changed-message-id=\"{id}\"").And.Contain($"data-reactors=\"{userId}\""));
    }

    [Test]
    public async Task Taking_the_last_reaction_off_reaches_the_pages_as_a_message_without_pills()
    {
        var (web, _, room, id) = await GroupWithMessageAsync();
        using var _ = web;
        using (await web.ReactAsync(id, ThumbsUp)) { }
        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, room, name: "the page");
        var seen = await App.NewestChangeAsync(room);
        await page.SendTextAsync($$"""{"after":{{id}},"changes":{{seen}}}""");

        using (await web.ReactAsync(id, ThumbsUp)) { }

        // The resume sends the change it had again (its overlap): the one that takes it off comes after it.
        var frame = await page.WaitForAsync(f => f.Contains("data-change-id") && !f.Contains($"data-change-id=\"{seen}\""), "the change");
        Assert.That(frame, Does.Contain($"data-changed-message-id=\"{id}\"").And.Not.Contain("class=\"reaction\""));
    }

    [Test]
    public async Task A_page_that_was_away_gets_the_counts_it_missed_when_it_resumes()
    {
        var (web, _, room, id) = await GroupWithMessageAsync();
        using var _ = web;
        var (other, otherUser) = await App.SignedUpAsync("other");
        using var __ = other;
        await App.JoinAsync(room, await App.UserIdAsync(otherUser));
        var seen = await App.NewestChangeAsync(room);
        using (await web.ReactAsync(id, ThumbsUp)) { }
        using (await other.ReactAsync(id, ThumbsUp)) { }
        using (await other.ReactAsync(id, Party)) { }

        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, room, name: "the page back");
        await page.SendTextAsync($$"""{"after":{{id}},"changes":{{seen}}}""");

        var frame = await page.WaitForAsync(f => f.Contains($"data-changed-message-id=\"{id}\""), "the missed reactions");
        Assert.That(ShowsPill(frame, ThumbsUp, 2) && ShowsPill(frame, Party, 1), Is.True, $"the counts as they are now: {frame}");
        Assert.That(page.Received.Count(f => f.Contains($"data-changed-message-id=\"{id}\"")), Is.EqualTo(1), "one frame for the message");
    }
}
