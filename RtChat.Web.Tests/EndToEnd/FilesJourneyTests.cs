using Microsoft.Playwright;
using RtChat.Web.Tests.Media;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>
/// Sharing pictures and files in a group: bob shares through the attach control, alice sees it live beside him, opens the
/// picture whole and downloads the file. Debian's Chromium against the app on Kestrel.
/// </summary>
public sealed partial class FilesJourneyTests : BrowserJourney
{
    [Test]
    public async Task A_photo_bob_shares_shows_inline_on_alices_page_live_and_opens_full_size_on_click()
    {
        var caption = $"Dawn on the ridge {Guid.NewGuid():N}";
        var jpeg = TestImages.Encode("JPEG", 2400, 1600, (x, y) => [(byte)(x / 10), (byte)(y / 7), 140]);
        var uploadBar = await WatchUploadBarAsync(_bob.Page, jpeg.Length);

        await _bob.Page.Locator("[data-attach-input]").SetInputFilesAsync(await WriteAsync("Ridge at dawn.jpg", jpeg));
        await Expect(Attach(_bob).Locator("[data-attach-chosen] li")).ToContainTextAsync("Ridge at dawn.jpg");
        await Expect(Caption(_bob)).ToBeFocusedAsync();
        await Caption(_bob).FillAsync(caption);
        await Attach(_bob).GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var picture = _alice.Message(caption).Locator("a.attachment-picture[data-picture] > img");
        await Expect(picture).ToBeVisibleAsync(Live);
        var stored = (await App.AttachmentsAsync(_room)).Single().Attachment;
        await Expect(picture).ToHaveAttributeAsync("width", $"{stored.ThumbnailWidth}");
        await Expect(picture).ToHaveAttributeAsync("height", $"{stored.ThumbnailHeight}");
        await Expect(_alice.Message(caption).Locator(".message-body")).ToHaveTextAsync(caption);
        Assert.That(await NaturalWidthAsync(picture), Is.EqualTo(stored.ThumbnailWidth), "the thumbnail loads");

        await picture.ClickAsync();

        var viewer = _alice.Page.Locator("dialog[data-picture-viewer]");
        await Expect(viewer).ToHaveAttributeAsync("open", "");
        await Expect(viewer.Locator("img")).ToBeVisibleAsync();
        await Expect(viewer.Locator("img")).ToHaveAttributeAsync("alt", "Ridge at dawn.jpg");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await NaturalWidthAsync(viewer.Locator("img")), Is.EqualTo(stored.Width), "the viewer shows the stored picture whole");
            Assert.That(stored.Width, Is.GreaterThan(stored.ThumbnailWidth!.Value));
            Assert.That(await uploadBar(), Is.EqualTo(100), "the bar followed the upload to its end");
        }
        await viewer.Locator("img").ClickAsync();
        await Expect(_alice.Page.Locator("dialog[data-picture-viewer][open]")).ToHaveCountAsync(0);
        await Expect(_bob.Message(caption).Locator("a.attachment-picture img")).ToHaveCountAsync(1);
        await Expect(Caption(_bob)).ToHaveValueAsync("");
        await Expect(Attach(_bob).Locator("[data-attach-chosen] li")).ToHaveCountAsync(0);
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task A_pdf_bob_shares_shows_as_a_card_alice_downloads_under_its_name_with_the_same_bytes()
    {
        var pdf = Pdf(3100);
        const string name = "Trip plan für Juni.pdf";
        await _bob.Page.Locator("[data-attach-input]").SetInputFilesAsync(await WriteAsync(name, pdf));
        await Attach(_bob).GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var card = _alice.Messages.Locator("a.attachment-file[download]").Filter(new() { HasText = name });
        await Expect(card).ToBeVisibleAsync(Live);
        await Expect(card.Locator(".attachment-name")).ToHaveTextAsync(name);
        await Expect(card.Locator(".attachment-meta")).ToHaveTextAsync("PDF · 3 KB");

        var download = await _alice.Page.RunAndWaitForDownloadAsync(() => card.ClickAsync());

        Assert.That(download.SuggestedFilename, Is.EqualTo(name));
        var saved = await download.PathAsync();
        Assert.That(await File.ReadAllBytesAsync(saved), Is.EqualTo(pdf), "the same bytes as shared");
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task A_picture_pasted_into_the_composer_waits_in_the_attach_panel_and_goes_with_its_caption()
    {
        var caption = $"Screenshot {Guid.NewGuid():N}";
        var png = TestImages.Encode("PNG", 300, 200, (x, y) => [(byte)x, (byte)y, 200]);
        // What the browser hands a page when a screenshot is pasted: a paste event whose clipboard holds a file.
        await _bob.Composer.EvaluateAsync("""
            (composer, bytes) => {
              const clipboard = new DataTransfer();
              clipboard.items.add(new File([new Uint8Array(bytes)], "image.png", { type: "image/png" }));
              composer.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
            }
            """, png.Select(b => (int)b).ToArray());

        await Expect(Attach(_bob).Locator("[data-attach-chosen] li")).ToContainTextAsync("image.png");
        await Expect(_bob.Composer).ToHaveValueAsync("");
        await Caption(_bob).FillAsync(caption);
        await Attach(_bob).GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var picture = _alice.Message(caption).Locator("a.attachment-picture[data-picture] > img");
        await Expect(picture).ToBeVisibleAsync(Live);
        Assert.That(await NaturalWidthAsync(picture), Is.EqualTo(300), "a picture smaller than the thumbnail keeps its size");
        AssertNoBrowserErrors();
    }

    [Test]
    public async Task A_damaged_picture_is_refused_beside_the_control_keeping_the_caption_for_the_next_try()
    {
        var caption = $"Look at this {Guid.NewGuid():N}";
        var jpeg = TestImages.Encode("JPEG", 640, 480, (x, y) => [(byte)x, (byte)y, 90]);
        await _bob.Page.Locator("[data-attach-input]").SetInputFilesAsync(await WriteAsync("cut.jpg", jpeg[..(jpeg.Length / 2)]));
        await Caption(_bob).FillAsync(caption);
        await Attach(_bob).GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var errors = Attach(_bob).Locator(".attach-errors");
        await Expect(errors).ToHaveTextAsync($"“cut.jpg” was not sent: {Damaged}");
        await Expect(errors).ToBeVisibleAsync();
        await Expect(Caption(_bob)).ToHaveValueAsync(caption);
        Assert.That(await App.AttachmentsAsync(_room), Is.Empty, "nothing was shared");

        await _bob.Page.Locator("[data-attach-input]").SetInputFilesAsync(await WriteAsync("whole.jpg", jpeg));
        await Attach(_bob).GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(_alice.Message(caption).Locator("a.attachment-picture img")).ToBeVisibleAsync(Live);
        await Expect(errors).ToHaveCountAsync(0);
        await Expect(Caption(_bob)).ToHaveValueAsync("");
        AssertNoBrowserErrors("status of 422");
    }
}
