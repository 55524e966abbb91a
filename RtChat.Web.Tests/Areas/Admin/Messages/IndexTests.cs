using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Areas.Admin;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Admin.Messages;

/// <summary><c>/admin/messages</c>: find messages by text, author or room; a deleted one leaves every open page at once.</summary>
public sealed class IndexTests : AdminFixture
{
    private static IReadOnlyList<long> Listed(HtmlPage page) =>
        page.Document.QuerySelectorAll("[data-testid=messages] tr[data-message-id]")
            .Select(tr => long.Parse(tr.GetAttribute("data-message-id")!, CultureInfo.InvariantCulture)).ToList();

    private static Dictionary<string, string> Id(long id) => new() { ["id"] = id.ToString(CultureInfo.InvariantCulture) };

    [Test]
    public async Task A_message_deleted_by_an_admin_vanishes_from_another_users_open_page()
    {
        var (aliceWeb, _) = await App.SignedUpAsync("alice");
        var (bobWeb, _) = await App.SignedUpAsync("bob");
        using var _ = aliceWeb;
        using var __ = bobWeb;
        await (await aliceWeb.OpenComposerAsync()).SendAsync("Something regrettable");
        var id = await App.MessageIdAsync("Something regrettable");
        var before = await bobWeb.GetPageAsync(ChatSteps.RoomPath(ChatSteps.PublicRoom));
        await using var bobsPage = await ChatSocket.ConnectAsync(App.BaseAddress, bobWeb, name: "bob's public chat");
        await bobsPage.SendResumeAsync(id);

        using var deleted = await Admin.PostFormAsync(AdminSteps.DeleteMessagePath, Id(id), htmx: true);

        // The resume sends the message again first (its overlap), which the page skips; then comes the removal.
        var frame = await bobsPage.WaitForAsync(f => f.Contains($"id=\"message-{id}\"", StringComparison.Ordinal)
            && f.Contains("hx-swap-oob=\"delete\"", StringComparison.Ordinal), $"the removal of message {id}");
        var after = await bobWeb.GetPageAsync(ChatSteps.RoomPath(ChatSteps.PublicRoom));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await deleted.Content.ReadAsStringAsync(), Is.Empty, "htmx swaps the row out");
            Assert.That(frame, Does.Not.Contain("<article"), "a removal, not the message");
            Assert.That(before.Document.GetElementById($"message-{id}"), Is.Not.Null, "bob's page showed it");
            Assert.That(after.Document.GetElementById($"message-{id}"), Is.Null, "a reload does not bring it back (the kept page is forgotten)");
            Assert.That(await App.HasMessageAsync("Something regrettable"), Is.False);
        }
    }

    [Test]
    public async Task Deleting_a_message_that_is_gone_says_so()
    {
        using var response = await Admin.PostFormAsync(AdminSteps.DeleteMessagePath, Id(987_654_321));

        var landed = await Admin.FollowAsync(response);
        Assert.That(landed.Flashes, Has.Some.Contains("already gone"));
    }

    [Test]
    public async Task Messages_are_found_by_text_author_and_room()
    {
        var (web, author) = await App.SignedUpAsync("writer");
        web.Dispose();
        var group = await App.CreateGroupAsync(author);
        var inPublic = await App.SeedMessagesAsync(author, 2);
        var inGroup = await App.SeedMessagesAsync(author, 1, group);

        var byAuthor = Listed(await Admin.GetPageAsync($"{AdminUrls.Messages}?author={author.Username}"));
        var byRoom = Listed(await Admin.GetPageAsync($"{AdminUrls.Messages}?room={group}"));
        var byText = Listed(await Admin.GetPageAsync($"{AdminUrls.Messages}?author=@{author.Username}&q=SEEDED MESSAGE 2 of 2"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(byAuthor, Is.EquivalentTo(inPublic.Concat(inGroup)));
            Assert.That(byRoom, Is.EqualTo(inGroup));
            Assert.That(byText, Is.EqualTo(new[] { inPublic[1] }), "text matches whatever its case");
        }
    }

    [Test]
    public async Task Messages_are_listed_newest_first_a_page_at_a_time()
    {
        var (web, author) = await App.SignedUpAsync("chatty");
        web.Dispose();
        var ids = await App.SeedMessagesAsync(author, Paging.Size + 3);

        var first = await Admin.GetPageAsync($"{AdminUrls.Messages}?author={author.Username}");
        var next = first.Document.QuerySelector("a[rel=next]")?.GetAttribute("href");
        var second = await Admin.GetPageAsync(next ?? "/missing-next-link");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Listed(first), Is.EqualTo(ids.Reverse().Take(Paging.Size)));
            Assert.That(Listed(second), Is.EqualTo(ids.Take(3).Reverse()));
            Assert.That(second.Document.QuerySelector("a[rel=next]"), Is.Null);
        }
    }
}
