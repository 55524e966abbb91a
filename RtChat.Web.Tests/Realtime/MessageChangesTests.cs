using System.Text.RegularExpressions;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Realtime;

/// <summary>
/// A sent message that changes (edited, deleted) reaches the room's open pages as it is now, with its version; a page
/// that was away gets the changes it missed when it resumes, as it gets the messages it missed.
/// </summary>
public sealed partial class MessageChangesTests : AppFixture
{
    private const int ResumeLimit = 5;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Realtime:ResumeLimit"] = ResumeLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Chat:SendLimit"] = "1000",
    };

    [Test]
    public async Task An_edit_reaches_the_rooms_open_pages_as_the_message_now_is()
    {
        var (web, room, posted) = await App.GroupWithMessagesAsync("changes", 2);
        using var _ = web;
        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, room, name: "the page");
        await page.SendTextAsync($$"""{"after":{{posted[1]}},"changes":0}""");

        await App.EditAsync(posted[0], "Better words");

        var frame = await page.WaitForAsync(f => f.Contains("data-change-id"), "the change");
        Assert.Multiple(() =>
        {
            Assert.That(frame, Does.Contain($"data-changed-message-id=\"{posted[0]}\""));
            Assert.That(frame, Does.Contain("Better words").And.Contain("(edited)"));
            Assert.That(Version(frame), Is.EqualTo(ChangeId(frame)).And.GreaterThan(0), "the message's version is its change");
        });
    }

    [Test]
    public async Task A_deletion_reaches_the_rooms_open_pages_as_a_tombstone()
    {
        var (web, room, posted) = await App.GroupWithMessagesAsync("changes", 1);
        using var _ = web;
        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, room, name: "the page");
        await page.SendTextAsync($$"""{"after":{{posted[0]}},"changes":0}""");

        await App.DeleteAsync(posted[0]);

        var frame = await page.WaitForAsync(f => f.Contains("data-change-id"), "the change");
        Assert.That(frame, Does.Contain("This message was deleted.").And.Not.Contain($"Message 1 in {room}"));
    }

    [Test]
    public async Task A_page_that_was_away_gets_the_edits_and_deletions_it_missed()
    {
        var (web, room, posted) = await App.GroupWithMessagesAsync("changes", 3);
        using var _ = web;
        var seen = await App.NewestChangeAsync(room);
        await App.EditAsync(posted[0], "Edited while away");
        await App.DeleteAsync(posted[1]);
        await App.EditAsync(posted[0], "Edited twice while away");

        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, room, name: "the page back");
        await page.SendTextAsync($$"""{"after":{{posted[2]}},"changes":{{seen}}}""");
        await page.WaitForAsync(f => f.Contains("Edited twice while away"), "the newest edit");
        await page.WaitForAsync(f => f.Contains("This message was deleted."), "the deletion");

        var changes = page.Received.Where(f => f.Contains("data-change-id")).ToList();
        Assert.That(changes.Count(f => f.Contains($"data-changed-message-id=\"{posted[0]}\"")), Is.EqualTo(1),
            "one frame per message, as it is now");
        Assert.That(changes, Has.None.Contains("Edited while away"));
    }

    [Test]
    public async Task A_page_that_was_away_drops_a_message_an_admin_deleted()
    {
        var (web, room, posted) = await App.GroupWithMessagesAsync("changes", 2);
        using var _ = web;
        var seen = await App.NewestChangeAsync(room);
        await App.AdminDeletesMessageAsync(posted[0]);

        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, room, name: "the page back");
        await page.SendTextAsync($$"""{"after":{{posted[1]}},"changes":{{seen}}}""");

        var frame = await page.WaitForAsync(f => f.Contains($"data-changed-message-id=\"{posted[0]}\""), "the deletion");
        Assert.That(ChatSocket.MessageIdsIn(frame), Is.Empty, "gone: nothing to show instead");
    }

    [Test]
    public async Task More_changes_than_the_resume_limit_reload_the_page()
    {
        var (web, room, posted) = await App.GroupWithMessagesAsync("changes", 1);
        using var _ = web;
        var seen = await App.NewestChangeAsync(room);
        for (var i = 0; i <= ResumeLimit; i++)
            await App.EditAsync(posted[0], $"Edit {i}");

        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, room, name: "the page back");
        await page.SendTextAsync($$"""{"after":{{posted[0]}},"changes":{{seen}}}""");

        await page.WaitForAsync(f => f.Contains("location.reload") || f.Contains("data-reload"), "the reload notice");
    }

    [Test]
    public async Task A_change_made_while_a_page_catches_up_lands_after_the_message_it_changes()
    {
        var (web, room, posted) = await App.GroupWithMessagesAsync("changes", 2);
        using var _ = web;
        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, room, name: "the page");
        // Before the page says what it has, the change is held, then sent after the replay that brings the message.
        await App.EditAsync(posted[1], "Changed before the resume");
        await page.SendTextAsync($$"""{"after":{{posted[0]}},"changes":0}""");

        await page.WaitForAsync(f => f.Contains("data-change-id"), "the change");
        var frames = page.Received.ToList();
        var message = frames.FindIndex(f => ChatSocket.MessageIdsIn(f).Contains(posted[1]) && !f.Contains("data-change-id"));
        var change = frames.FindIndex(f => f.Contains("data-change-id"));
        Assert.That(message, Is.GreaterThanOrEqualTo(0).And.LessThan(change));
    }

    private static long Version(string frame) => long.Parse(VersionAttribute().Match(frame).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static long ChangeId(string frame) => long.Parse(ChangeIdAttribute().Match(frame).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("data-version=\"(\\d+)\"")]
    private static partial Regex VersionAttribute();

    [GeneratedRegex("data-change-id=\"(\\d+)\"")]
    private static partial Regex ChangeIdAttribute();
}
