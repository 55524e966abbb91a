using System.Net;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Areas.Admin;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Admin;

/// <summary>
/// The admin area, address by address: its admins get it; for a member or a signed-out visitor it does not exist (our
/// 404), GET or POST, with the request token or without, and a refused post changes nothing.
/// </summary>
public sealed class AdminAccessTests : AppFixture
{
    public enum Who { Anonymous, Member, Admin }

    private readonly Dictionary<Who, WebSession> _sessions = [];
    private string _targetId = "";
    private int _roomId;
    private long _messageId;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _sessions[Who.Anonymous] = App.NewSession();
        (_sessions[Who.Member], _) = await App.SignedUpConfirmedAsync("member");
        (_sessions[Who.Admin], _) = await App.SignedUpAdminAsync();
        var (targetWeb, target) = await App.SignedUpAsync("target");
        targetWeb.Dispose();
        _targetId = await App.UserIdAsync(target);
        _roomId = await App.RoomIdAsync(await App.CreateGroupAsync(target));
        _messageId = (await App.SeedMessagesAsync(target, 1))[0];
    }

    [OneTimeTearDown]
    public void SignOut()
    {
        foreach (var session in _sessions.Values) session.Dispose();
    }

    private static readonly string[] Pages = ["Dashboard", "Users", "User", "Rooms", "Room", "Messages", "Audit"];

    private static readonly string[] Posts =
        ["ConfirmEmail", "Lock", "Unlock", "Ban", "GrantAdmin", "RevokeAdmin", "DeleteUser", "Rename", "DeleteRoom", "DeleteMessage"];

    public static IEnumerable<TestCaseData> PageCases() =>
        Pages.SelectMany(page => new[] { (Who.Anonymous, 404), (Who.Member, 404), (Who.Admin, 200) }
            .Select(cell => new TestCaseData(page, cell.Item1, cell.Item2).SetName($"GET {page} as {cell.Item1} answers {cell.Item2}")));

    public static IEnumerable<TestCaseData> PostCases() =>
        Posts.SelectMany(post => new[] { Who.Anonymous, Who.Member }.SelectMany(who => new[] { true, false }
            .Select(token => new TestCaseData(post, who, token)
                .SetName($"POST {post} as {who} {(token ? "with" : "without")} the request token answers 404"))));

    private string PageUrl(string page) => page switch
    {
        "Dashboard" => AdminUrls.Dashboard,
        "Users" => AdminUrls.Users,
        "User" => AdminUrls.User(_targetId),
        "Rooms" => AdminUrls.Rooms,
        "Room" => AdminUrls.Room(_roomId),
        "Messages" => AdminUrls.Messages,
        _ => AdminUrls.Audit,
    };

    private (string Url, Dictionary<string, string> Fields) PostOf(string post) => post switch
    {
        "DeleteUser" => (AdminSteps.UserPath(_targetId, "Delete"), []),
        "Rename" => (AdminSteps.RoomPath(_roomId, "Rename"), new() { ["Title"] = "Taken over" }),
        "DeleteRoom" => (AdminSteps.RoomPath(_roomId, "Delete"), []),
        "DeleteMessage" => (AdminSteps.DeleteMessagePath, new() { ["id"] = _messageId.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        _ => (AdminSteps.UserPath(_targetId, post), []),
    };

    [TestCaseSource(nameof(PageCases))]
    public async Task Admin_page_answers_only_admins(string page, Who who, int expected)
    {
        var response = await _sessions[who].GetPageAsync(PageUrl(page));

        Assert.That((int)response.Status, Is.EqualTo(expected));
        if (expected == 404) Assert.That(response.Text, Does.Contain("Page not found"), "our 404 page");
    }

    [TestCaseSource(nameof(PostCases))]
    public async Task Admin_action_does_not_exist_for_others(string post, Who who, bool withToken)
    {
        var web = _sessions[who];
        var (url, fields) = PostOf(post);

        using var response = await web.PostWithTokenAsync(url, withToken ? await web.RequestTokenAsync() : null, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task An_admins_post_without_the_request_token_is_refused()
    {
        using var response = await _sessions[Who.Admin].PostWithTokenAsync(AdminSteps.UserPath(_targetId, "Lock"), token: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await App.QueryAsync(db => db.Users.Where(u => u.Id == _targetId).Select(u => u.LockoutEnd).SingleAsync()), Is.Null);
    }

    [Test]
    public async Task Refused_posts_change_nothing()
    {
        foreach (var post in Posts)
        {
            var (url, fields) = PostOf(post);
            using (await _sessions[Who.Member].PostFormAsync(url, fields)) { }
        }

        var state = await App.QueryAsync(async db => new
        {
            User = await db.Users.Where(u => u.Id == _targetId).Select(u => new { u.EmailConfirmed, Locked = u.LockoutEnd != null }).SingleOrDefaultAsync(),
            Room = await db.Rooms.Where(r => r.Id == _roomId).Select(r => r.Title).SingleOrDefaultAsync(),
            Message = await db.Messages.AnyAsync(m => m.Id == _messageId),
            Audit = await db.AuditLog.CountAsync(),
        });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.User, Is.EqualTo(new { EmailConfirmed = false, Locked = false }));
            Assert.That(await App.IsAdminAsync(_targetId), Is.False);
            Assert.That(state.Room, Is.EqualTo("Test group"));
            Assert.That(state.Message, Is.True);
            Assert.That(state.Audit, Is.Zero);
        }
    }

    [Test]
    public async Task The_header_links_to_the_admin_area_for_admins_only()
    {
        var asAdmin = await _sessions[Who.Admin].GetPageAsync("/");
        var asMember = await _sessions[Who.Member].GetPageAsync("/");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(asAdmin.TestId("admin-link")?.GetAttribute("href"), Is.EqualTo(AdminUrls.Dashboard));
            Assert.That(asMember.TestId("admin-link"), Is.Null);
        }
    }
}
