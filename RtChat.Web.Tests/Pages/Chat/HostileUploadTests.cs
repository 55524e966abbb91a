using System.Net;
using System.Text;
using RtChat.Web.Tests.Media;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary>
/// Hostile uploads through the room page's Upload handler: names made to look like paths or to hide characters, images
/// made to hurt the decoder, and markup sent as an image. Each is stored safely, shown as text, or refused leaving nothing.
/// </summary>
public sealed class HostileUploadTests : AppFixture
{
    [TestCase("../../x.pdf", "x.pdf")]
    [TestCase("..\\..\\windows\\x.pdf", "x.pdf")]
    [TestCase("bell\u0007and\u0000nul\r\n.txt", "bellandnul .txt")]
    [TestCase("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [TestCase("zero\u200Bwidth.txt", "zerowidth.txt")]
    [TestCase("<img src=x onerror=alert(1)>.txt", "<img src=x onerror=alert(1)>.txt")]
    [TestCase("...", "file")]
    public async Task A_hostile_name_is_stored_under_a_random_key_and_shown_cleaned_as_text(string name, string shown)
    {
        var (web, _) = await App.SignedUpConfirmedAsync("names");
        using (web)
        {
            await web.ShareOkAsync(null, new Upload(name, "text/plain", "x"u8.ToArray()));

            var (_, attachment) = (await App.AttachmentsAsync(null)).Last();
            var card = (await web.GetPageAsync("/")).Document.QuerySelector($"a[href='/files/{attachment.FileKey}']");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(attachment.FileKey, Does.Match("^[0-9a-f]{32}\\.bin$"));
                Assert.That(attachment.Name, Is.EqualTo(shown));
                Assert.That(card?.QuerySelector(".attachment-name")?.TextContent, Is.EqualTo(shown));
                Assert.That(card?.QuerySelector(".attachment-name")?.Children, Is.Empty, "no element made from the name");
                Assert.That(card?.QuerySelectorAll("img"), Is.Empty);
            }
        }
    }

    [Test]
    public async Task A_10_kb_name_is_cut_to_120_characters_keeping_its_extension()
    {
        var (web, _) = await App.SignedUpConfirmedAsync("longname");
        using (web)
        {
            await web.ShareOkAsync(null, new Upload(new string('n', 10_000) + ".pdf", "application/pdf", "x"u8.ToArray()));

            var name = (await App.AttachmentsAsync(null)).Last().Attachment.Name;
            Assert.That((name.Length, name[^5..]), Is.EqualTo((120, "….pdf")));
        }
    }

    private static IEnumerable<TestCaseData> ImagesRefused() =>
        HostileImages.Refused().Where(c => c.Arguments[1] is HostileImages.Damaged or HostileImages.TooManyPixels);

    [TestCaseSource(nameof(ImagesRefused))]
    public async Task A_hostile_image_is_refused_with_its_reason_and_leaves_no_file(byte[] upload, string reason)
    {
        var (web, _) = await App.SignedUpConfirmedAsync("hostile");
        using (web)
        {
            var before = App.StoredFiles();

            using var response = await web.ShareAsync(null, new Upload("x.png", "image/png", upload));

            Assert.That((await HtmlPage.ParseAsync(response)).Document.QuerySelector(".attach-errors")?.TextContent.Trim(),
                Is.EqualTo($"“x.png” was not sent: {reason}"));
            Assert.That(App.StoredFiles(), Is.EquivalentTo(before));
        }
    }

    [TestCase("avatar.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>")]
    [TestCase("page.png", "image/png", "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>")]
    [TestCase("tragick.jpg", "image/jpeg", HostileImages.Mvg)]
    public async Task Markup_sent_as_an_image_is_never_decoded_nor_shown_only_offered_as_a_download(string name, string type, string content)
    {
        var (web, _) = await App.SignedUpConfirmedAsync("markup");
        using (web)
        {
            await web.ShareOkAsync(null, new Upload(name, type, Encoding.UTF8.GetBytes(content)));

            var (_, attachment) = (await App.AttachmentsAsync(null)).Last();
            var article = (await web.GetPageAsync("/")).Document.QuerySelector($"#message-{attachment.MessageId}");
            using var served = await web.GetAsync("/files/" + attachment.FileKey);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(attachment.IsImage, Is.False);
                Assert.That(article?.QuerySelector("a.attachment-file")?.GetAttribute("download"), Is.EqualTo(name));
                Assert.That(article?.QuerySelectorAll("img").Select(i => i.ClassList.Contains("avatar")), Is.EqualTo(new[] { true }), "no picture but the avatar");
                Assert.That(served.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/octet-stream"));
                Assert.That(served.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            }
        }
    }
}
