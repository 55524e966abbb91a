using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Areas.Admin;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Tests.Media;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Admin;

/// <summary><c>/admin</c>: the dashboard's figures are the site's.</summary>
public sealed class IndexTests : AppFixture
{
    private static readonly Upload Avatar = new("me.png", "image/png", TestImages.Encode("PNG", 40, 40, (_, _) => [200, 20, 20]));

    [Test]
    public async Task The_dashboard_counts_users_rooms_by_kind_todays_messages_people_online_and_stored_uploads()
    {
        var (admin, _) = await App.SignedUpAdminAsync();
        using var _ = admin;
        var (web, user) = await App.SignedUpAsync("figures");
        using var __ = web;
        await web.UploadAvatarAsync(App, user, Avatar);
        await App.CreateGroupAsync(user);
        await App.SeedMessagesAsync(user, 2);
        await web.ShareOkAsync(null, new Upload("notes.txt", "text/plain", new byte[2048]));
        await using var online = await ChatSocket.ConnectAsync(App.BaseAddress, web, room: null, name: "an open page");

        var page = await admin.GetPageAsync(AdminUrls.Dashboard);
        // The socket counts as online once its open is registered, just after the handshake.
        for (var tries = 0; Figure("online") == 0 && tries < 20; tries++)
        {
            await Task.Delay(100);
            page = await admin.GetPageAsync(AdminUrls.Dashboard);
        }

        int Figure(string name) => int.Parse(page.Document.QuerySelector($"[data-figure={name}]")!.TextContent.Split(' ')[0], CultureInfo.InvariantCulture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Figure("users"), Is.EqualTo(await App.CountUsersAsync()));
            Assert.That(Figure("rooms-public"), Is.EqualTo(1));
            Assert.That(Figure("rooms-group"), Is.EqualTo(await App.QueryAsync(db => db.Rooms.CountAsync(r => r.Kind == RoomKind.Group))));
            Assert.That(Figure("messages-today"), Is.EqualTo(3));
            Assert.That(Figure("online"), Is.GreaterThanOrEqualTo(1));
            Assert.That(Figure("uploads"), Is.EqualTo(1), "the one shared file");
            Assert.That(page.Document.QuerySelector("[data-figure=uploads]")!.TextContent, Does.EndWith("2 KB"));
            Assert.That(Figure("avatars"), Is.EqualTo(1));
        }
    }
}
