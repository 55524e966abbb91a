using System.Net;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary><c>/chat/new</c>: a group with a title; its creator is its admin and first member.</summary>
public sealed class NewTests : AppFixture
{
    [Test]
    public async Task A_new_group_has_its_creator_as_admin_and_only_member_and_opens_its_page()
    {
        var (web, user) = await App.SignedUpAsync("maker");
        using var _ = web;

        var room = await web.CreateGroupAsync("  Weekend plans  ");

        var userId = await App.UserIdAsync(user);
        var stored = await App.QueryAsync(db => db.Rooms.Include(r => r.Members).SingleAsync(r => r.Name == room));
        var page = await web.GetPageAsync(ChatSteps.RoomPath(room));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.Kind, Is.EqualTo(RoomKind.Group));
            Assert.That(stored.Title, Is.EqualTo("Weekend plans"), "trimmed");
            Assert.That(stored.AdminId, Is.EqualTo(userId));
            Assert.That(stored.Members.Select(m => m.UserId), Is.EqualTo(new[] { userId }));
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.TestId("edit-group"), Is.Not.Null, "the admin sees Edit");
        }
    }

    [TestCase("")]
    [TestCase("   ")]
    public async Task A_blank_title_shows_the_form_again_with_the_error_and_makes_no_group(string title) =>
        await AssertRefusedAsync(title, "Give the group a name.");

    [Test]
    public async Task A_title_over_128_characters_shows_the_form_again_with_the_error_and_makes_no_group() =>
        await AssertRefusedAsync(new string('x', ChatRoom.TitleMaxLength + 1), "Group names are at most 128 characters.");

    [Test]
    public async Task A_title_of_exactly_128_characters_is_kept_whole()
    {
        var (web, _) = await App.SignedUpAsync("maker");
        using var __ = web;
        var title = new string('y', ChatRoom.TitleMaxLength);

        var room = await web.CreateGroupAsync(title);

        Assert.That(await App.QueryAsync(db => db.Rooms.Where(r => r.Name == room).Select(r => r.Title).SingleAsync()), Is.EqualTo(title));
    }

    private async Task AssertRefusedAsync(string title, string error)
    {
        var (web, user) = await App.SignedUpAsync("maker");
        using var _ = web;
        var userId = await App.UserIdAsync(user);
        var form = await web.GetPageAsync(RoomSteps.NewPath);

        using var response = await web.SubmitAsync(form, fields: new Dictionary<string, string?> { ["Title"] = title });

        var again = await HtmlPage.ParseAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.Status, Is.EqualTo(HttpStatusCode.OK), "the form again");
            Assert.That(again.FieldError("Title"), Is.EqualTo(error));
            Assert.That(await App.QueryAsync(db => db.Rooms.CountAsync(r => r.AdminId == userId)), Is.Zero);
        }
    }
}
