using RtChat.Web.Areas.Admin;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Admin.Users;

/// <summary><c>/admin/users?q=</c>: users found by username, display name or email, whatever the case.</summary>
public sealed class IndexTests : AdminFixture
{
    private static IReadOnlyList<string?> Listed(HtmlPage page) =>
        page.Document.QuerySelectorAll("[data-testid=users] tr[data-user-id]").Select(tr => tr.GetAttribute("data-user-id")).ToList();

    [Test]
    public async Task Users_are_found_by_username_display_name_or_email()
    {
        var (web, user) = await App.SignedUpAsync("findme");
        var (otherWeb, _) = await App.SignedUpAsync("other");
        otherWeb.Dispose();
        using (await web.SaveProfileAsync(null, displayName: "Zebra Crossing")) { }
        web.Dispose();
        var id = await App.UserIdAsync(user);

        var byUsername = Listed(await Admin.GetPageAsync($"{AdminUrls.Users}?q={user.Username.ToUpperInvariant()}"));
        var byName = Listed(await Admin.GetPageAsync($"{AdminUrls.Users}?q=zebra"));
        var byEmail = Listed(await Admin.GetPageAsync($"{AdminUrls.Users}?q={user.Email}"));
        var nobody = Listed(await Admin.GetPageAsync($"{AdminUrls.Users}?q=no-such-person"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(byUsername, Is.EqualTo(new[] { id }));
            Assert.That(byName, Is.EqualTo(new[] { id }));
            Assert.That(byEmail, Is.EqualTo(new[] { id }));
            Assert.That(nobody, Is.Empty);
        }
    }
}
