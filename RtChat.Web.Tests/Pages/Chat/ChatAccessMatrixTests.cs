using System.Net;
using RtChat.Web.Tests.Support;
using static RtChat.Web.Tests.Pages.Chat.ChatAccessMatrixTests.Answer;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary>
/// Who may do what to a room, every address of it, as a table: signed-out visitors are sent to log in (sockets: 401);
/// outsiders and removed members learn nothing of a private or group room (404); a group's admin pages are its admin's
/// alone (404 to members). Every state-changing form refuses a post without its request token.
/// </summary>
public sealed class ChatAccessMatrixTests : AppFixture
{
    public enum Who { Anonymous, Outsider, Member, Admin, Removed }

    public enum Answer { Ok, NoContent, Redirect, ToLogin, NotFound, Unauthorized, Upgraded, BadRequest }

    public enum Act { RoomPage, Older, Send, Socket, EditPage, Rename, Remove, Reinvite, ResetInvite, DeletePage, Delete, LeavePage, Leave }

    private static readonly (Act Act, Answer Anonymous, Answer Outsider, Answer Member, Answer Admin, Answer Removed)[] GroupTable =
    [
        (Act.RoomPage, ToLogin, NotFound, Ok, Ok, NotFound),
        (Act.Older, ToLogin, NotFound, Ok, Ok, NotFound),
        (Act.Send, ToLogin, NotFound, NoContent, NoContent, NotFound),
        (Act.Socket, Unauthorized, NotFound, Upgraded, Upgraded, NotFound),
        (Act.EditPage, ToLogin, NotFound, NotFound, Ok, NotFound),
        (Act.Rename, ToLogin, NotFound, NotFound, Redirect, NotFound),
        (Act.Remove, ToLogin, NotFound, NotFound, Redirect, NotFound),
        (Act.Reinvite, ToLogin, NotFound, NotFound, Redirect, NotFound),
        (Act.ResetInvite, ToLogin, NotFound, NotFound, Redirect, NotFound),
        (Act.DeletePage, ToLogin, NotFound, NotFound, Ok, NotFound),
        (Act.Delete, ToLogin, NotFound, NotFound, Redirect, NotFound),
        (Act.LeavePage, ToLogin, NotFound, Ok, Ok, NotFound),
        (Act.Leave, ToLogin, NotFound, Redirect, Redirect, NotFound),
    ];

    /// <summary>A private chat has no admin and cannot be left: only reading and writing are its members'.</summary>
    private static readonly (Act Act, Answer Anonymous, Answer Outsider, Answer Member)[] PrivateTable =
    [
        (Act.RoomPage, ToLogin, NotFound, Ok),
        (Act.Older, ToLogin, NotFound, Ok),
        (Act.Send, ToLogin, NotFound, NoContent),
        (Act.Socket, Unauthorized, NotFound, Upgraded),
        (Act.EditPage, ToLogin, NotFound, NotFound),
        (Act.Rename, ToLogin, NotFound, NotFound),
        (Act.Remove, ToLogin, NotFound, NotFound),
        (Act.Reinvite, ToLogin, NotFound, NotFound),
        (Act.ResetInvite, ToLogin, NotFound, NotFound),
        (Act.DeletePage, ToLogin, NotFound, NotFound),
        (Act.Delete, ToLogin, NotFound, NotFound),
        (Act.LeavePage, ToLogin, NotFound, NotFound),
        (Act.Leave, ToLogin, NotFound, NotFound),
    ];

    public static IEnumerable<TestCaseData> GroupCases() =>
        GroupTable.SelectMany(row => new[]
        {
            (Who.Anonymous, row.Anonymous), (Who.Outsider, row.Outsider), (Who.Member, row.Member), (Who.Admin, row.Admin), (Who.Removed, row.Removed),
        }.Select(cell => new TestCaseData(row.Act, cell.Item1, cell.Item2).SetName($"Group {row.Act} as {cell.Item1} answers {cell.Item2}")));

    public static IEnumerable<TestCaseData> PrivateCases() =>
        PrivateTable.SelectMany(row => new[] { (Who.Anonymous, row.Anonymous), (Who.Outsider, row.Outsider), (Who.Member, row.Member) }
            .Select(cell => new TestCaseData(row.Act, cell.Item1, cell.Item2).SetName($"Private {row.Act} as {cell.Item1} answers {cell.Item2}")));

    /// <summary>Each state-changing form, posted by someone it would serve, without the request token.</summary>
    public static IEnumerable<TestCaseData> TokenlessCases() =>
        new[] { "Start", "New", "Join", "Send", "Rename", "Remove", "Reinvite", "ResetInvite", "Delete", "Leave" }
            .Select(form => new TestCaseData(form).SetName($"{form} without the request token answers 400"));

    private readonly Dictionary<Who, WebSession> _sessions = [];
    private readonly Dictionary<Who, TestUser> _users = [];
    private string _private = "";

    [OneTimeSetUp]
    public async Task SignUpEveryoneAsync()
    {
        _sessions[Who.Anonymous] = App.NewSession();
        foreach (var who in new[] { Who.Outsider, Who.Member, Who.Admin, Who.Removed })
            (_sessions[who], _users[who]) = who == Who.Outsider
                ? await App.SignedUpConfirmedAsync(who.ToString().ToLowerInvariant()) // may join by a link
                : await App.SignedUpAsync(who.ToString().ToLowerInvariant());
        _private = await _sessions[Who.Admin].StartPrivateChatAsync(_users[Who.Member]);
    }

    [OneTimeTearDown]
    public void SignOutEveryone()
    {
        foreach (var session in _sessions.Values) session.Dispose();
    }

    [TestCaseSource(nameof(GroupCases))]
    public async Task A_group(Act act, Who who, Answer expected) => await AssertAnswersAsync(await NewGroupAsync(), act, who, expected);

    [TestCaseSource(nameof(PrivateCases))]
    public async Task A_private_chat(Act act, Who who, Answer expected) => await AssertAnswersAsync(_private, act, who, expected);

    [TestCaseSource(nameof(TokenlessCases))]
    public async Task A_form(string form)
    {
        var room = await NewGroupAsync();
        var (who, url, fields) = form switch
        {
            "Start" => (Who.Member, RoomSteps.StartPath(_users[Who.Outsider].Username), null),
            "New" => (Who.Member, RoomSteps.NewPath, new Dictionary<string, string> { ["Title"] = "Tokenless" }),
            "Join" => (Who.Outsider, RoomSteps.JoinPath(await App.InviteCodeAsync(room)), null),
            "Send" => (Who.Member, ChatSteps.RoomPath(room) + "?handler=Send", new Dictionary<string, string> { ["Body"] = "Tokenless" }),
            "Delete" => (Who.Admin, RoomSteps.DeletePath(room), null),
            "Leave" => (Who.Member, RoomSteps.LeavePath(room), null),
            _ => (Who.Admin, RoomSteps.EditPath(room, form), await EditFieldsAsync(Enum.Parse<Act>(form))),
        };

        using var response = await _sessions[who].PostWithTokenAsync(url, token: null, fields);

        Assert.That(AnswerOf(response), Is.EqualTo(BadRequest), Describe(response));
    }

    /// <summary>A fresh group of the admin, the member, and the removed member (removed).</summary>
    private async Task<string> NewGroupAsync()
    {
        var room = await App.CreateGroupAsync(_users[Who.Admin], _users[Who.Member], _users[Who.Removed]);
        await App.RemoveFromGroupAsync(room, _users[Who.Removed]);
        return room;
    }

    private async Task AssertAnswersAsync(string room, Act act, Who who, Answer expected)
    {
        var web = _sessions[who];
        if (act == Act.Socket)
        {
            var status = await ChatSocket.UpgradeStatusAsync(App.BaseAddress, web, room);
            Assert.That(status == HttpStatusCode.SwitchingProtocols ? Upgraded : AnswerOf(status, null), Is.EqualTo(expected), $"upgrade answered {(int)status}");
            return;
        }
        using var response = act switch
        {
            Act.RoomPage => await web.GetAsync(ChatSteps.RoomPath(room)),
            Act.Older => await web.GetAsync(ChatSteps.RoomPath(room) + "?handler=Older&before=" + long.MaxValue, htmx: true),
            Act.Send => await web.PostFormAsync(ChatSteps.RoomPath(room) + "?handler=Send", new Dictionary<string, string> { ["Body"] = $"{who} was here" }, htmx: true),
            Act.EditPage => await web.GetAsync(RoomSteps.EditPath(room)),
            Act.Rename or Act.Remove or Act.Reinvite or Act.ResetInvite => await web.EditAsync(room, act.ToString(), await EditFieldsAsync(act)),
            Act.DeletePage => await web.GetAsync(RoomSteps.DeletePath(room)),
            Act.Delete => await web.PostFormAsync(RoomSteps.DeletePath(room)),
            Act.LeavePage => await web.GetAsync(RoomSteps.LeavePath(room)),
            Act.Leave => await web.PostFormAsync(RoomSteps.LeavePath(room)),
            _ => throw new ArgumentOutOfRangeException(nameof(act)),
        };
        Assert.That(AnswerOf(response), Is.EqualTo(expected), Describe(response));
    }

    /// <summary>What the Edit page's form for <paramref name="act"/> posts: a new title, or the member it is about.</summary>
    private async Task<Dictionary<string, string>> EditFieldsAsync(Act act) => act switch
    {
        Act.Rename => new() { ["Title"] = "Renamed" },
        Act.Remove => new() { ["userId"] = await App.UserIdAsync(_users[Who.Member]) },
        Act.Reinvite => new() { ["userId"] = await App.UserIdAsync(_users[Who.Removed]) },
        _ => [],
    };

    private static Answer AnswerOf(HttpResponseMessage response) => AnswerOf(response.StatusCode, response.Headers.Location);

    private static Answer AnswerOf(HttpStatusCode status, Uri? location) => status switch
    {
        HttpStatusCode.OK => Ok,
        HttpStatusCode.NoContent => NoContent,
        HttpStatusCode.Redirect when location is not null && new Uri(new Uri("http://site/"), location).AbsolutePath == AccountSteps.LoginPath => ToLogin,
        HttpStatusCode.Redirect => Redirect,
        HttpStatusCode.NotFound => NotFound,
        HttpStatusCode.Unauthorized => Unauthorized,
        HttpStatusCode.BadRequest => BadRequest,
        _ => (Answer)(-(int)status),
    };

    private static string Describe(HttpResponseMessage response) =>
        $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}"
        + (response.Headers.Location is { } location ? $" to {location}" : "");
}
