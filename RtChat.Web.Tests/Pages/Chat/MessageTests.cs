using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Tests.Media;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary>
/// <c>/messages/{id}</c>: only its author edits (within the window) or deletes a message; readers of the room who are
/// not its author are refused (403), everyone else learns nothing (404). A refused edit comes back with the text as typed.
/// </summary>
public sealed partial class MessageTests : AppFixture
{
    private const int ChangeLimit = 5;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Chat:SendLimit"] = ChangeLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Chat:SendWindow"] = "00:01:00",
        ["Media:ReapInterval"] = "00:00:00.100",
    };

    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}";

    private async Task<(WebSession Web, long Id, string Body)> SentAsync(string prefix = "author", string? room = null)
    {
        var (web, _) = await App.SignedUpAsync(prefix);
        var body = Unique("Sent by the author");
        return (web, await web.SendAsync(App, body, room ?? ChatSteps.PublicRoom), body);
    }

    private static async Task<HtmlPage> PageOf(HttpResponseMessage response) => await HtmlPage.ParseAsync(response);

    private static IHtmlTextAreaElement? EditBox(HtmlPage page) => page.Document.QuerySelector<IHtmlTextAreaElement>("form.message-edit textarea[name=Body]");

    private static string Error(HtmlPage page) => page.Document.QuerySelector(".message-edit-error")?.TextContent.Trim() ?? "";

    [Test]
    public async Task An_outsider_learns_nothing_of_a_message_in_a_group_they_are_not_in()
    {
        var (author, _) = await App.SignedUpConfirmedAsync("insider");
        var (outsider, _) = await App.SignedUpAsync("outsider");
        using var _a = author;
        using var _o = outsider;
        var group = await author.CreateGroupAsync();
        var body = Unique("Group secret");
        var id = await author.SendAsync(App, body, group);

        var answers = new List<HttpResponseMessage>
        {
            await outsider.GetAsync(EditingSteps.MessagePath(id)),
            await outsider.GetAsync(EditingSteps.EditPath(id), htmx: true),
            await outsider.GetAsync(EditingSteps.DeletePath(id)),
            await outsider.PostEditAsync(id, "Taken over"),
            await outsider.PostDeleteAsync(id),
        };

        foreach (var answer in answers)
        {
            using (answer)
            {
                Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), answer.RequestMessage?.RequestUri?.PathAndQuery);
                Assert.That(await answer.Content.ReadAsStringAsync(), Does.Not.Contain(body).And.Not.Contain("Weekend plans").And.Not.Contain(group));
            }
        }
        Assert.That(await App.StoredAsync(id), Is.EqualTo((body, false, false, false)));
    }

    [Test]
    public async Task A_message_that_does_not_exist_is_not_found()
    {
        var (web, _) = await App.SignedUpAsync("nobody");
        using var _ = web;

        using var edit = await web.GetAsync(EditingSteps.EditPath(long.MaxValue), htmx: true);
        using var delete = await web.PostDeleteAsync(long.MaxValue);

        Assert.That((edit.StatusCode, delete.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
    }

    [Test]
    public async Task Someone_else_in_the_room_cannot_edit_or_delete_it()
    {
        var (author, id, body) = await SentAsync();
        var (reader, _) = await App.SignedUpAsync("reader");
        using var _a = author;
        using var _r = reader;

        using var form = await reader.GetAsync(EditingSteps.EditPath(id), htmx: true);
        using var confirm = await reader.GetAsync(EditingSteps.DeletePath(id));
        using var edit = await reader.PostEditAsync(id, "Not mine to change");
        using var delete = await reader.PostDeleteAsync(id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(new[] { form.StatusCode, confirm.StatusCode, edit.StatusCode, delete.StatusCode },
                Is.All.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await App.StoredAsync(id), Is.EqualTo((body, false, false, false)));
        }
    }

    [Test]
    public async Task An_edit_without_the_request_token_is_refused()
    {
        var (web, id, body) = await SentAsync();
        using var _ = web;

        using var response = await web.PostWithTokenAsync(EditingSteps.EditPath(id), token: null,
            new Dictionary<string, string> { ["Body"] = "Forged" }, htmx: true);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await App.StoredAsync(id)).Body, Is.EqualTo(body));
    }

    [Test]
    public async Task Edits_past_the_limit_are_refused_with_the_text_kept()
    {
        var (web, id, _) = await SentAsync();
        using var _ = web;
        var token = await web.RequestTokenAsync();
        for (var i = 1; i <= ChangeLimit; i++)
        {
            using var taken = await web.PostEditAsync(id, $"Edit number {i}", token: token);
            Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"edit {i}");
        }

        using var refused = await web.PostEditAsync(id, "One too many", token: token);

        var form = await PageOf(refused);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(EditBox(form)?.Value, Is.EqualTo("One too many"));
            Assert.That(Error(form), Does.Contain("too fast"));
            Assert.That((await App.StoredAsync(id)).Body, Is.EqualTo($"Edit number {ChangeLimit}"));
        }
    }
}
