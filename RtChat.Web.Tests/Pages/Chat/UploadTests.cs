using System.Net;
using System.Text;
using RtChat.Web.Tests.Media;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary>
/// Sharing through the room page's Upload handler (<c>?handler=Upload</c>, multipart): pictures through the image
/// pipeline, other files as downloads, each its own message in order, and refusals that keep the caption and store nothing.
/// </summary>
public sealed class UploadTests : AppFixture
{

    private static Upload Photo(string name = "photo.jpg", int width = 800, int height = 600) =>
        new(name, "image/jpeg", TestImages.Encode("JPEG", width, height, (x, y) => [(byte)x, (byte)y, 120]));

    private static Upload Pdf(string name = "report.pdf") =>
        new(name, "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n% a small document\n" + new string('x', 3000) + "\n%%EOF\n"));

    [Test]
    public async Task A_photo_is_stored_as_a_capped_webp_with_a_thumbnail_and_shown_at_the_thumbnails_size()
    {
        var (web, _) = await App.SignedUpConfirmedAsync("photo");
        using (web)
        {
            await web.ShareOkAsync(null, Photo("beach.jpg", 3000, 2000));

            var (body, attachment) = (await App.AttachmentsAsync(null)).Last();
            var home = await web.GetPageAsync("/");
            var image = home.Document.QuerySelector($"a[data-picture][href='/files/{attachment.FileKey}'] img");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(body, Is.Empty, "no caption");
                Assert.That((attachment.Width, attachment.Height), Is.EqualTo((2048, 1365)), "the longest side capped, the ratio kept");
                Assert.That((attachment.ThumbnailWidth, attachment.ThumbnailHeight), Is.EqualTo((360, 240)));
                Assert.That(attachment.Name, Is.EqualTo("beach.jpg"));
                Assert.That(TestImages.Inspect(await File.ReadAllBytesAsync(App.FilePath(attachment.FileKey))) is { Format: "WEBP", Width: 2048, Height: 1365 });
                Assert.That(TestImages.Inspect(await File.ReadAllBytesAsync(App.FilePath(attachment.ThumbnailKey!))) is { Format: "WEBP", Width: 360, Height: 240 });
                Assert.That(image?.GetAttribute("src"), Is.EqualTo($"/files/{attachment.ThumbnailKey}"));
                Assert.That((image?.GetAttribute("width"), image?.GetAttribute("height")), Is.EqualTo(("360", "240")), "its place is reserved");
                Assert.That(image?.GetAttribute("alt"), Is.EqualTo("beach.jpg"));
            }
        }
    }

    [Test]
    public async Task A_pdf_is_shown_as_a_card_with_its_name_type_and_size()
    {
        var (web, _) = await App.SignedUpConfirmedAsync("pdf");
        using (web)
        {
            var pdf = Pdf("Q3 report.pdf");
            await web.ShareOkAsync(null, pdf);

            var (_, attachment) = (await App.AttachmentsAsync(null)).Last();
            var card = (await web.GetPageAsync("/")).Document.QuerySelector($"a.attachment-file[href='/files/{attachment.FileKey}']");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(attachment.FileKey, Does.EndWith(".bin"), "stored under a random key, never its name");
                Assert.That((attachment.ThumbnailKey, attachment.Size, attachment.ContentType), Is.EqualTo(((string?)null, pdf.Content.Length, "application/pdf")));
                Assert.That(await File.ReadAllBytesAsync(App.FilePath(attachment.FileKey)), Is.EqualTo(pdf.Content), "kept as it came");
                Assert.That(card?.QuerySelector(".attachment-name")?.TextContent, Is.EqualTo("Q3 report.pdf"));
                Assert.That(card?.QuerySelector(".attachment-meta")?.TextContent, Is.EqualTo("PDF · 3 KB"));
                Assert.That(card?.GetAttribute("download"), Is.EqualTo("Q3 report.pdf"));
            }
        }
    }

    [Test]
    public async Task Several_files_become_one_message_each_in_order_with_the_caption_on_the_first()
    {
        var (web, _) = await App.SignedUpConfirmedAsync("several");
        using (web)
        {
            using var response = await web.ShareAsync(null, [Photo("one.jpg"), Pdf("two.pdf"), Photo("three.png")], caption: "  From the trip  ");

            var shared = (await App.AttachmentsAsync(null)).TakeLast(3).ToList();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(shared.Select(s => s.Attachment.Name), Is.EqualTo(new[] { "one.jpg", "two.pdf", "three.png" }));
                Assert.That(shared.Select(s => s.Body), Is.EqualTo(new[] { "From the trip", "", "" }));
                var form = (await HtmlPage.ParseAsync(response)).Document.QuerySelector("form#attach");
                Assert.That(form?.QuerySelector("input[name=Caption]")?.GetAttribute("value"), Is.Null.Or.Empty, "the control comes back empty");
                Assert.That(form?.QuerySelector(".attach-errors"), Is.Null);
            }
        }
    }

    [Test]
    public async Task A_refused_file_keeps_the_caption_names_the_reason_and_stores_nothing()
    {
        var (web, _) = await App.SignedUpConfirmedAsync("refused");
        using (web)
        {
            var jpeg = Photo().Content;
            var before = App.StoredFiles();

            using var response = await web.ShareAsync(null, [new Upload("cut.jpg", "image/jpeg", jpeg[..(jpeg.Length / 2)])], caption: "Look!");

            var form = (await HtmlPage.ParseAsync(response)).Document.QuerySelector("form#attach");
            using (Assert.EnterMultipleScope())
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(422));
                Assert.That(form?.QuerySelector(".attach-errors")?.TextContent.Trim(),
                    Is.EqualTo("“cut.jpg” was not sent: The image could not be read; it may be damaged."));
                Assert.That(form?.QuerySelector("input[name=Caption]")?.GetAttribute("value"), Is.EqualTo("Look!"));
                Assert.That(App.StoredFiles(), Is.EquivalentTo(before), "nothing stored");
            }
        }
    }

    [Test]
    public async Task An_11_mb_file_is_refused_before_it_is_stored_and_the_next_file_still_goes()
    {
        var (web, _) = await App.SignedUpConfirmedAsync("big");
        using (web)
        {
            var huge = new Upload("huge.zip", "application/zip", new byte[11 * 1024 * 1024]);

            using var response = await web.ShareAsync(null, [huge, Pdf("small.pdf")]);

            var text = (await HtmlPage.ParseAsync(response)).Document.QuerySelector(".attach-errors")?.TextContent.Trim();
            using (Assert.EnterMultipleScope())
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(422));
                Assert.That(text, Is.EqualTo("“huge.zip” was not sent: The file is larger than 10 MB."));
                Assert.That((await App.AttachmentsAsync(null)).Last().Attachment.Name, Is.EqualTo("small.pdf"));
                Assert.That(App.StoredFiles().Select(File.ReadAllBytes), Has.None.Property("Length").EqualTo(huge.Content.Length));
            }
        }
    }

    [Test]
    public async Task Without_javascript_the_form_posts_with_its_token_field_and_comes_back_to_the_room()
    {
        var (web, _) = await App.SignedUpConfirmedAsync("nojs");
        using (web)
        {
            using var response = await web.ShareAsync(null, [Pdf("plain.pdf")], htmx: false);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
                Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/"));
                Assert.That((await App.AttachmentsAsync(null)).Last().Attachment.Name, Is.EqualTo("plain.pdf"));
            }
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Without_a_valid_token_nothing_is_read_nor_stored(bool htmx)
    {
        var (web, _) = await App.SignedUpConfirmedAsync("forged");
        using (web)
        {
            var before = (await App.AttachmentsAsync(null)).Count;

            using var response = await web.ShareAsync(null, [Pdf()], htmx: htmx, token: null);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await App.AttachmentsAsync(null)).Count, Is.EqualTo(before));
        }
    }

    [Test]
    public async Task Someone_outside_a_group_cannot_share_in_it()
    {
        using var people = await App.TwoPeopleAsync();
        var group = await people.AliceWeb.CreateGroupAsync();

        using var response = await people.BobWeb.ShareAsync(group, Pdf());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await App.AttachmentsAsync(group), Is.Empty);
    }

    [Test]
    public async Task A_caption_over_the_message_limit_is_refused_before_any_file_is_read()
    {
        var (web, _) = await App.SignedUpConfirmedAsync("longcap");
        using (web)
        {
            var before = App.StoredFiles();

            using var response = await web.ShareAsync(null, [Pdf()], caption: new string('x', 2001));

            using (Assert.EnterMultipleScope())
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(422));
                Assert.That((await HtmlPage.ParseAsync(response)).Document.QuerySelector(".attach-errors")?.TextContent,
                    Does.Contain("at most 2,000 characters"));
                Assert.That(App.StoredFiles(), Is.EquivalentTo(before));
            }
        }
    }

    [Test]
    public async Task A_shared_picture_reaches_the_other_members_open_page_live()
    {
        using var people = await App.TwoPeopleAsync();
        var group = await App.CreateGroupAsync(people.Alice, people.Bob);
        await using var bobsPage = await ChatSocket.ConnectAsync(App.BaseAddress, people.BobWeb, group);

        using (var response = await people.AliceWeb.ShareAsync(group, Photo("live.jpg"), caption: "Fresh"))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var (_, attachment) = (await App.AttachmentsAsync(group)).Single();
        var frame = await bobsPage.WaitForMessageAsync(attachment.MessageId);
        var article = (await WebSession.ParseHtmlAsync(frame, App.BaseAddress)).QuerySelector("article.message");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(article?.QuerySelector("a[data-picture] img")?.GetAttribute("src"), Is.EqualTo($"/files/{attachment.ThumbnailKey}"));
            Assert.That(article?.QuerySelector(".message-body")?.TextContent, Is.EqualTo("Fresh"));
        }
    }
}
