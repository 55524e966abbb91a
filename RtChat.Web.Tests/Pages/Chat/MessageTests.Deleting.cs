using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Tests.Media;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary>The author deletes: a tombstone stays, the text and any file go.</summary>
public sealed partial class MessageTests
{
    [Test]
    public async Task Deleting_leaves_a_tombstone()
    {
        var (web, id, body) = await SentAsync();
        using var _ = web;

        using var response = await web.PostDeleteAsync(id);
        var html = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain($"id=\"message-{id}\"").And.Contain("This message was deleted.").And.Not.Contain(body));
            Assert.That(html, Does.Not.Contain("message-actions"), "nothing left to edit or delete");
            Assert.That(await App.StoredAsync(id), Is.EqualTo(("", true, false, false)));
        }
    }

    [Test]
    public async Task Without_htmx_deleting_asks_first_and_comes_back_to_the_room()
    {
        var (web, id, body) = await SentAsync();
        using var _ = web;

        var confirm = await web.GetPageAsync(EditingSteps.DeletePath(id));
        Assert.That(confirm.Text, Does.Contain("Delete this message?").And.Contain(body));
        using var deleted = await web.SubmitAsync(confirm, $"form[action='{EditingSteps.DeletePath(id)}']");

        Assert.That((deleted.StatusCode, deleted.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Redirect, "/")));
        Assert.That((await App.StoredAsync(id)).Deleted, Is.True);
    }

    [Test]
    public async Task A_deleted_message_cannot_be_edited()
    {
        var (web, id, _) = await SentAsync();
        using var _ = web;
        using (await web.PostDeleteAsync(id)) { }

        using var response = await web.PostEditAsync(id, "Back from the dead");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(Error(await PageOf(response)), Is.EqualTo("This message was deleted."));
        Assert.That(await App.StoredAsync(id), Is.EqualTo(("", true, false, false)));
    }

    [Test]
    public async Task Deleting_a_shared_file_takes_its_files_off_the_disk()
    {
        var (web, _) = await App.SignedUpConfirmedAsync("sharer");
        using var _ = web;
        await web.ShareOkAsync(null, new Upload("gone.png", "image/png", TestImages.Encode("PNG", 64, 48, (x, y) => [(byte)x, (byte)y, 9])));
        var attachment = (await App.AttachmentsAsync(null)).Last().Attachment;
        Assert.That(attachment.FileKeys.Select(App.FilePath), Is.All.Matches<string>(File.Exists), "stored first");

        using var response = await web.PostDeleteAsync(attachment.MessageId);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await App.WaitUntilGoneAsync(attachment.FileKeys);
        Assert.That(await App.QueryAsync(db => db.Attachments.CountAsync(a => a.MessageId == attachment.MessageId)), Is.Zero);
    }
}
