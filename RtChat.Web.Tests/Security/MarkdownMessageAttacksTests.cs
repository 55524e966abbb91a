using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Security;

/// <summary>Hostile Markdown sent through the composer, read back on the room page and from another member's socket.</summary>
public sealed class MarkdownMessageAttacksTests : AppFixture
{
    private static readonly string[] Payloads =
    [
        "**hi** [click](javascript:alert(1))",
        "> <script>alert(1)</script>\n> <b hx-get=\"/x\" hx-trigger=\"load\">x</b>",
        "**hi** [x](https://example.com \"a\\\" onmouseover=\\\"alert(1)\")",
        "**hi** ![x](http://tracker.example/pixel.png)",
        "```\n<div hx-swap-oob=\"true\" id=\"composer\">owned</div>\n```",
    ];

    [TestCaseSource(nameof(Payloads))]
    public async Task Hostile_markdown_in_a_message_is_inert_on_the_page_and_the_socket(string payload)
    {
        var (author, user) = await App.SignedUpAsync("md");
        var (viewer, _) = await App.SignedUpAsync("mdview");
        using var _a = author;
        using var _v = viewer;
        await using var socket = await ChatSocket.ConnectAsync(App.BaseAddress, viewer);
        await socket.SendResumeAsync(await App.LastMessageIdAsync());
        var body = $"{payload}\n\nfrom {user.Username}";

        await (await author.OpenComposerAsync()).SendAsync(body);
        var id = await App.MessageIdAsync(body);
        var frame = await WebSession.ParseHtmlAsync(await socket.WaitForMessageAsync(id), App.BaseAddress);
        var page = await viewer.GetPageAsync("/");

        MarkdownAttacksTests.AssertInert(frame.QuerySelector($"#message-{id}") ?? throw new AssertionException("not on the socket"));
        MarkdownAttacksTests.AssertInert(page.Document.QuerySelector($"#message-{id}") ?? throw new AssertionException("not on the page"));
        Assert.That(page.Document.QuerySelectorAll("#composer"), Has.Length.EqualTo(1), "the composer is not replaced");
    }
}
