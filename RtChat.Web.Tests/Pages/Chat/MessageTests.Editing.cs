using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Tests.Media;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary>The author edits: the form, the save, what is refused with the text kept, and what an edit changes elsewhere.</summary>
public sealed partial class MessageTests
{
    [Test]
    public async Task An_edit_mentions_whom_its_new_text_names_and_no_longer_whom_it_dropped()
    {
        var (web, id, _) = await SentAsync();
        using var _ = web;
        var (bobWeb, bob) = await App.SignedUpAsync("named");
        bobWeb.Dispose();
        var bobId = (await App.FindUserByEmailAsync(bob.Email))!.Id;
        Task<List<string>> MentionedAsync() => App.QueryAsync(db => db.Mentions.Where(m => m.MessageId == id).Select(m => m.UserId).ToListAsync());

        using var named = await web.PostEditAsync(id, $"Now for @{bob.Username}");
        var article = (await PageOf(named)).Document.QuerySelector("article");
        var mentionedAfterNaming = await MentionedAsync();
        using (await web.PostEditAsync(id, "For nobody again")) { }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mentionedAfterNaming, Is.EqualTo(new[] { bobId }));
            Assert.That(article?.GetAttribute("data-mentions"), Is.EqualTo(bobId));
            Assert.That(await MentionedAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task The_edit_form_holds_the_text_as_it_is()
    {
        var (web, id, body) = await SentAsync();
        using var _ = web;

        using var response = await web.GetAsync(EditingSteps.EditPath(id), htmx: true);
        var form = await PageOf(response);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(EditBox(form)?.Value, Is.EqualTo(body));
            Assert.That(form.Document.QuerySelector(".site-header"), Is.Null, "only the form, for htmx");
            Assert.That(form.Document.QuerySelector("form.message-edit")?.GetAttribute("action"), Is.EqualTo(EditingSteps.EditPath(id)));
        }
    }

    [Test]
    public async Task The_author_saves_an_edit_and_gets_the_message_back_edited()
    {
        var (web, id, _) = await SentAsync();
        using var _ = web;
        var edited = Unique("Better words");

        using var response = await web.PostEditAsync(id, edited);
        var answer = await PageOf(response);

        var article = answer.Document.QuerySelector($"article#message-{id}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(article?.QuerySelector(".message-body")?.TextContent, Is.EqualTo(edited));
            Assert.That(article?.QuerySelector(".message-edited")?.TextContent, Is.EqualTo("(edited)"));
            Assert.That(long.Parse(article?.GetAttribute("data-version") ?? "0", System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0),
                "a version the page compares with the socket's copy");
            Assert.That(await App.StoredAsync(id), Is.EqualTo((edited, false, true, false)));
        }
    }

    [Test]
    public async Task Without_htmx_the_edit_is_a_page_of_its_own_that_comes_back_to_the_room()
    {
        var (web, id, body) = await SentAsync();
        using var _ = web;
        var edited = Unique("Edited without JavaScript");

        var page = await web.GetPageAsync(EditingSteps.EditPath(id));
        Assert.That((page.Status, EditBox(page)?.Value), Is.EqualTo((HttpStatusCode.OK, body)));
        Assert.That(page.Document.QuerySelector(".site-header"), Is.Not.Null, "a whole page");
        using var saved = await web.SubmitAsync(page, "form.message-edit", new Dictionary<string, string?> { ["Body"] = edited });

        Assert.That((saved.StatusCode, saved.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Redirect, "/")));
        Assert.That((await App.StoredAsync(id)).Body, Is.EqualTo(edited));
    }

    [Test]
    public async Task The_same_text_saves_nothing()
    {
        var (web, id, body) = await SentAsync();
        using var _ = web;
        var changesBefore = await App.NewestChangeAsync(ChatSteps.PublicRoom);

        using var response = await web.PostEditAsync(id, $"  {body}  ");

        var article = (await PageOf(response)).Document.QuerySelector($"article#message-{id}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(article?.QuerySelector(".message-edited"), Is.Null);
            Assert.That(await App.NewestChangeAsync(ChatSteps.PublicRoom), Is.EqualTo(changesBefore), "no change logged");
            Assert.That((await App.StoredAsync(id)).Edited, Is.False);
        }
    }

    [Test]
    public async Task An_edit_after_the_window_is_refused_with_the_typed_text_kept()
    {
        var (web, id, body) = await SentAsync();
        using var _ = web;
        await App.SentAgoAsync(id, TimeSpan.FromMinutes(16));
        var typed = Unique("Too late for this");

        using var response = await web.PostEditAsync(id, typed);
        var form = await PageOf(response);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(EditBox(form)?.Value, Is.EqualTo(typed), "nothing typed is lost");
            Assert.That(Error(form), Is.EqualTo("Messages can be edited for 15 minutes after sending."));
            Assert.That((await App.StoredAsync(id)).Body, Is.EqualTo(body));
        }
    }

    [Test]
    public async Task The_edit_form_of_a_message_past_its_window_says_so_at_once()
    {
        var (web, id, _) = await SentAsync();
        using var _ = web;
        await App.SentAgoAsync(id, TimeSpan.FromHours(1));

        using var response = await web.GetAsync(EditingSteps.EditPath(id), htmx: true);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(Error(await PageOf(response)), Does.StartWith("Messages can be edited for 15 minutes"));
    }

    [Test]
    public async Task An_edit_over_the_length_limit_is_refused_with_the_typed_text_kept()
    {
        var (web, id, body) = await SentAsync();
        using var _ = web;
        var typed = new string('x', 2001);

        using var response = await web.PostEditAsync(id, typed);
        var form = await PageOf(response);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(EditBox(form)?.Value, Is.EqualTo(typed));
            Assert.That(Error(form), Does.StartWith("Messages are at most 2,000 characters; this one has 2,001"));
            Assert.That((await App.StoredAsync(id)).Body, Is.EqualTo(body));
        }
    }

    [Test]
    public async Task A_text_message_cannot_be_edited_to_nothing()
    {
        var (web, id, body) = await SentAsync();
        using var _ = web;

        using var response = await web.PostEditAsync(id, "   ");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(Error(await PageOf(response)), Is.EqualTo("Write something before sending."));
        Assert.That((await App.StoredAsync(id)).Body, Is.EqualTo(body));
    }

    [Test]
    public async Task A_shared_files_caption_can_be_edited_to_nothing_and_the_file_stays()
    {
        var (web, _) = await App.SignedUpConfirmedAsync("captioner");
        using var _ = web;
        using (await web.ShareAsync(null, [new Upload("notes.txt", "text/plain", "some notes"u8.ToArray())], caption: "A caption")) { }
        var attachment = (await App.AttachmentsAsync(null)).Last().Attachment;

        using var response = await web.PostEditAsync(attachment.MessageId, "");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await App.StoredAsync(attachment.MessageId), Is.EqualTo(("", false, true, true)));
    }

    [Test]
    public async Task Search_finds_an_edited_message_by_its_new_words_and_a_deleted_one_not_at_all()
    {
        var (web, _) = await App.SignedUpAsync("searched");
        using var _ = web;
        var (before, after, gone) = (SearchSteps.UniqueWord("before"), SearchSteps.UniqueWord("after"), SearchSteps.UniqueWord("gone"));
        var edited = await web.SendAsync(App, $"Words {before}");
        var deleted = await web.SendAsync(App, $"Words {gone}");

        using (await web.PostEditAsync(edited, $"Words {after}")) { }
        using (await web.PostDeleteAsync(deleted)) { }

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await web.SearchAsync(before)).Ids, Is.Empty);
            Assert.That((await web.SearchAsync(after)).Ids, Is.EqualTo(new[] { edited }));
            Assert.That((await web.SearchAsync(gone)).Ids, Is.Empty);
        }
    }

    [Test]
    public async Task An_edit_and_a_deletion_saved_here_reach_another_readers_page()
    {
        var (author, id, _) = await SentAsync();
        var other = Unique("Another one");
        var second = await author.SendAsync(App, other);
        var (reader, _) = await App.SignedUpAsync("watcher");
        using var _a = author;
        using var _r = reader;
        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, reader, name: "the reader's page");
        await page.SendTextAsync($$"""{"after":{{second}},"changes":{{await App.NewestChangeAsync(ChatSteps.PublicRoom)}}}""");
        var edited = Unique("Edited live");

        using (await author.PostEditAsync(id, edited)) { }
        using (await author.PostDeleteAsync(second)) { }

        var edit = await page.WaitForAsync(f => f.Contains($"data-changed-message-id=\"{id}\""), "the edit");
        var deletion = await page.WaitForAsync(f => f.Contains($"data-changed-message-id=\"{second}\""), "the deletion");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(edit, Does.Contain(edited).And.Contain("(edited)"));
            Assert.That(deletion, Does.Contain("This message was deleted.").And.Not.Contain(other));
        }
    }
}
