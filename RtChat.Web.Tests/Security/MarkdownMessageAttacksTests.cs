using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Security;

/// <summary><see cref="MarkdownAttacksTests"/>' payloads sent through the composer, read on the room page and on another member's socket.</summary>
public sealed class MarkdownMessageAttacksTests : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Chat:SendLimit"] = "100",
    };

    [Test]
    public async Task Hostile_markdown_in_messages_is_inert_on_the_page_and_the_socket()
    {
        var (author, user) = await App.SignedUpAsync("md");
        var (viewer, _) = await App.SignedUpAsync("mdview");
        using var _a = author;
        using var _v = viewer;
        await using var socket = await ChatSocket.ConnectAsync(App.BaseAddress, viewer);
        await socket.SendResumeAsync(await App.LastMessageIdAsync());
        var composer = await author.OpenComposerAsync();

        var frames = new List<(long Id, string Frame)>();
        foreach (var (payload, i) in MarkdownAttacksTests.Payloads.Select((p, i) => (p, i)))
        {
            var body = $"{payload}\n\nmessage {i} from {user.Username}";
            await composer.SendAsync(body);
            var id = await App.MessageIdAsync(body);
            frames.Add((id, await socket.WaitForMessageAsync(id)));
        }
        var page = await viewer.GetPageAsync("/");

        foreach (var (id, frame) in frames)
        {
            var fragment = await WebSession.ParseHtmlAsync(frame, App.BaseAddress);
            MarkdownAttacksTests.AssertInert(fragment.QuerySelector($"#message-{id}") ?? throw new AssertionException($"{id} is not on the socket"));
            MarkdownAttacksTests.AssertInert(page.Document.QuerySelector($"#message-{id}") ?? throw new AssertionException($"{id} is not on the page"));
        }
        Assert.That(page.Document.QuerySelectorAll("#composer"), Has.Length.EqualTo(1), "the composer is not replaced");
    }
}
