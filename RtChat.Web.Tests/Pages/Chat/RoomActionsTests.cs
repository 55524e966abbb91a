using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary>The room page's one set of message actions, which its script points at the message pointed at or focused.</summary>
public sealed class RoomActionsTests : AppFixture
{
    [Test]
    public async Task The_page_has_one_set_of_actions_whose_links_name_any_message_and_no_message_has_its_own()
    {
        var (web, user) = await App.SignedUpAsync("acts");
        using var _ = web;
        await (await web.OpenComposerAsync()).SendAsync($"Hello from {user.Username}");

        var page = (await web.GetPageAsync("/")).Document;

        var sets = page.QuerySelectorAll(".message-actions");
        var set = sets.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.QuerySelectorAll("#messages article"), Is.Not.Empty);
            Assert.That(set.Id, Is.EqualTo("message-actions"));
            Assert.That(set.HasAttribute("hidden"), Is.True, "shown only once moved into a message");
            Assert.That(set.Closest("article"), Is.Null);
            Assert.That(set.QuerySelector("button[data-reply]")?.GetAttribute("type"), Is.EqualTo("button"));
            Assert.That(set.QuerySelectorAll("a[data-href]").Select(a => (a.TextContent.Trim(), a.GetAttribute("data-href"))), Is.EqualTo(new[]
            {
                ("☺", "/messages/{id}/react"),
                ("Edit", "/messages/{id}?handler=Edit"),
                ("Delete", "/messages/{id}?handler=Delete"),
            }));
            Assert.That(page.QuerySelector("section.chat")?.GetAttribute("data-delete-question"), Does.StartWith("Delete this message?"));
            Assert.That(set.QuerySelectorAll("*").Append(set).SelectMany(e => e.Attributes.Select(a => a.Name)),
                Has.None.StartsWith("hx-").And.None.StartsWith("on").And.None.EqualTo("_"), "the actions run no script of their own");
        }
    }
}
