using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary>The room page is read from memory, so what changes it must show at once: new messages, renamed authors.</summary>
public sealed class RoomPageFreshnessTests : AppFixture
{
    private static IEnumerable<string> Authors(HtmlPage page) =>
        page.Document.QuerySelectorAll(".message .message-author").Select(a => a.TextContent.Trim());

    [Test]
    public async Task A_message_posted_after_the_page_was_shown_is_on_the_next_page()
    {
        var (web, user) = await App.SignedUpAsync("fresh");
        using var _ = web;
        var composer = await web.OpenComposerAsync();
        await composer.SendAsync($"first from {user.Username}");
        await web.GetPageAsync("/");

        await composer.SendAsync($"second from {user.Username}");
        var page = await web.GetPageAsync("/");

        Assert.That(page.Document.QuerySelectorAll(".message-body").Select(b => b.TextContent.Trim()),
            Does.Contain($"second from {user.Username}"));
    }

    [Test]
    public async Task An_author_who_renames_themselves_shows_under_the_new_name_on_the_next_page()
    {
        var (author, user) = await App.SignedUpAsync("fresh");
        var (reader, _) = await App.SignedUpAsync("fresh");
        using var _ = author;
        using var __ = reader;
        await (await author.OpenComposerAsync()).SendAsync($"hello from {user.Username}");
        Assert.That(Authors(await reader.GetPageAsync("/")), Does.Contain(user.Username), "shown, and kept");

        using (await author.SaveProfileAsync(null, displayName: "Renamed Ann")) { }
        var page = await reader.GetPageAsync("/");

        Assert.That(Authors(page), Does.Contain("Renamed Ann").And.Not.Contain(user.Username));
    }
}
