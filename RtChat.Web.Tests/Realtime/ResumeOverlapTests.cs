using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Realtime;

/// <summary>
/// Across nodes a message can reach a page after a newer one: a resume sends again the newest few the page says it
/// has, and a live message older than the page's newest still goes out (the page places it by id, and skips a repeat).
/// </summary>
public sealed class ResumeOverlapTests : AppFixture
{
    private const int Overlap = 2;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Realtime:ResumeOverlap"] = Overlap.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Chat:SendLimit"] = "1000",
    };

    [Test]
    public async Task A_resume_sends_the_newest_messages_the_page_has_again_before_the_missed_ones()
    {
        var (web, room, posted) = await App.GroupWithMessagesAsync("overlap", 5);
        using var _ = web;
        await using var socket = await ChatSocket.ConnectAsync(App.BaseAddress, web, room, name: "the page");

        await socket.SendResumeAsync(posted[2]);
        await socket.WaitForMessageAsync(posted[4]);

        Assert.That(socket.MessageIds, Is.EqualTo(posted.Skip(1)), "two it has (the overlap), then the two it missed");
    }

    [Test]
    public async Task A_live_message_older_than_the_page_newest_still_reaches_it()
    {
        var (web, room, posted) = await App.GroupWithMessagesAsync("overlap", 4);
        using var _ = web;
        await using var socket = await ChatSocket.ConnectAsync(App.BaseAddress, web, room, name: "the page");
        await socket.SendResumeAsync(posted[3]);
        await socket.WaitForMessageAsync(posted[3]);

        // As if another node had committed posted[0] first but published it only now.
        await App.PublishAgainAsync(room, posted[0]);

        await socket.WaitForMessageAsync(posted[0]);
    }
}
