using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>The group both share in, the files they pick (on disk, as a person picks them), and what the pages show.</summary>
public sealed partial class FilesJourneyTests
{
    private BrowserPerson _alice = null!;
    private BrowserPerson _bob = null!;
    private string _room = null!;
    private DirectoryInfo _picked = null!;

    /// <summary>Bob creates a group and alice joins it by its invite link; both have its page open with its socket.</summary>
    [SetUp]
    public async Task BobOpensAGroupAliceJoinsAsync()
    {
        _picked = Directory.CreateTempSubdirectory("rtchat-picked-");
        _bob = await SignUpAsync("bob");
        _alice = await SignUpAsync("alice", confirmEmail: true);
        await _bob.Page.GotoAsync("/chat/new");
        await _bob.Page.Locator("#Title").FillAsync($"Photos {Guid.NewGuid().ToString("N")[..6]}");
        await _bob.Page.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickAsync();
        await Expect(_bob.Page).ToHaveURLAsync(RoomUrl());
        var roomUrl = _bob.Page.Url;
        _room = Uri.UnescapeDataString(new Uri(roomUrl).AbsolutePath["/chat/room/".Length..]);

        await _bob.Page.GotoAsync($"/chat/edit/{Uri.EscapeDataString(_room)}");
        var invite = await _bob.Page.GetByTestId("invite-link").InputValueAsync();
        await _bob.Page.GotoAsync(roomUrl);
        await _alice.Page.GotoAsync(invite);
        await _alice.Page.GetByTestId("join-group").ClickAsync();
        await Expect(_alice.Page).ToHaveURLAsync(roomUrl);
        await ExpectSocketOpenAsync(_alice.Page);
        await ExpectSocketOpenAsync(_bob.Page);
    }

    [TearDown]
    public void ForgetPickedFiles() => _picked.Delete(recursive: true);

    private static ILocator Attach(BrowserPerson person) => person.Page.Locator("form#attach[data-attach]");

    private static ILocator Caption(BrowserPerson person) => Attach(person).Locator("input[name=Caption]");

    /// <summary>A file named <paramref name="name"/> on disk, for the file input as if picked in the system's dialog.</summary>
    private async Task<string> WriteAsync(string name, byte[] content)
    {
        var path = Path.Combine(_picked.FullName, name);
        await File.WriteAllBytesAsync(path, content);
        return path;
    }

    /// <summary>A PDF-looking file of <paramref name="size"/> bytes, binary past its header (every byte value).</summary>
    private static byte[] Pdf(int size)
    {
        var head = "%PDF-1.4\n%"u8.ToArray();
        var tail = "\n%%EOF\n"u8.ToArray();
        var body = Enumerable.Range(0, size - head.Length - tail.Length).Select(i => (byte)(i * 31 % 256));
        return [.. head, .. body, .. tail];
    }

    /// <summary>
    /// Notes how far the page's upload bar went for the next upload of at least <paramref name="bytes"/> (the answer's own
    /// progress is smaller): call the result after the upload for the highest value the bar showed, 0 to 100.
    /// </summary>
    private static async Task<Func<Task<double>>> WatchUploadBarAsync(IPage page, long bytes)
    {
        await page.EvaluateAsync("""
            bytes => {
              window.uploadBar = 0;
              document.addEventListener("htmx:xhr:progress", (event) => {
                const bar = document.querySelector("form[data-attach] .attach-progress");
                if (bar && event.detail.total >= bytes) window.uploadBar = Math.max(window.uploadBar, bar.value);
              });
            }
            """, bytes);
        return () => page.EvaluateAsync<double>("() => window.uploadBar");
    }

    /// <summary>The picture's natural width once it has loaded (or failed: 0), scrolled into view for a lazy one.</summary>
    private static async Task<int> NaturalWidthAsync(ILocator image)
    {
        await image.ScrollIntoViewIfNeededAsync();
        return await image.EvaluateAsync<int>("""
            img => new Promise((resolve) => {
              const done = () => resolve(img.naturalWidth);
              if (img.complete) done();
              else { img.addEventListener("load", done, { once: true }); img.addEventListener("error", done, { once: true }); }
            })
            """);
    }

    private const string Damaged = "The image could not be read; it may be damaged.";

    /// <summary>A picture goes through the image pipeline before it is sent: live, but on two shared cores.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 10_000 };

    [GeneratedRegex("/chat/room/[^/?]+$")]
    private static partial Regex RoomUrl();
}
