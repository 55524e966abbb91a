using Microsoft.Playwright;
using RtChat.Web.Areas.Admin;
using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>An admin moderating from the browser while someone else reads the chat in theirs.</summary>
public sealed class AdminJourneyTests : BrowserJourney
{
    [Test]
    public async Task A_message_the_admin_deletes_after_confirming_vanishes_from_the_readers_open_chat()
    {
        var admin = await SignUpAsync("admin");
        var reader = await SignUpAsync("reader");
        await App.MakeAdminAsync(admin.User);
        await admin.SendAsync("Delete me please");
        await Expect(reader.Message("Delete me please")).ToHaveCountAsync(1);

        await admin.Page.GotoAsync(AdminUrls.Messages);
        admin.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        var row = admin.Page.Locator("tr", new() { HasText = "Delete me please" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await Expect(row).ToHaveCountAsync(0);
        await Expect(reader.Message("Delete me please")).ToHaveCountAsync(0, new() { Timeout = 2000 });
        await Expect(admin.Page.GetByTestId("admin-link")).ToBeVisibleAsync();
        AssertNoBrowserErrors();
    }
}
