using System.Net;
using AngleSharp.Dom;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Security;

/// <summary>
/// Markup, htmx and _hyperscript typed into a display name or a profile's info, to run in other people's pages (messages in
/// a chat message's body: <c>RoomTests</c>, <c>ChatSocketEndpointTests</c>). Each place that shows it is compared with the
/// same place showing plain text.
/// </summary>
public sealed class MarkupAttacksTests : AppFixture
{
    private static readonly string[] Payloads = InertMarkup.ShortPayloads;

    [TestCaseSource(nameof(Payloads))]
    public async Task Markup_in_a_display_name_and_info_shows_as_text_on_the_profile_and_in_the_header(string payload)
    {
        var (hostile, plain, viewer) = await PeopleAsync(payload);

        var hostileProfile = await viewer.Web.GetPageAsync("/u/" + hostile.User.Username);
        var plainProfile = await viewer.Web.GetPageAsync("/u/" + plain.User.Username);
        var ownPage = await hostile.Web.GetPageAsync("/profile");
        var plainOwnPage = await plain.Web.GetPageAsync("/profile");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hostileProfile.TestId("display-name")?.TextContent, Is.EqualTo(payload));
            Assert.That(hostileProfile.TestId("info")?.TextContent, Is.EqualTo(InertMarkup.LongPayload));
            Assert.That(ownPage.HeaderName(), Is.EqualTo(payload));
            InertMarkup.AssertInert(hostileProfile.Document.DocumentElement, plainProfile.Document.DocumentElement, "their profile");
            InertMarkup.AssertInert(ownPage.Document.DocumentElement, plainOwnPage.Document.DocumentElement, "their own page's header");
        }
        Dispose(hostile, plain, viewer);
    }

    [TestCaseSource(nameof(Payloads))]
    public async Task Markup_in_a_display_name_shows_as_text_on_its_messages_on_the_page_and_the_socket(string payload)
    {
        var (hostile, plain, viewer) = await PeopleAsync(payload);
        await using var socket = await ChatSocket.ConnectAsync(App.BaseAddress, viewer.Web, name: "the viewer's socket");
        await socket.SendResumeAsync(await App.LastMessageIdAsync());

        var hostileId = await SendAsync(hostile);
        var plainId = await SendAsync(plain);
        var hostileFrame = await FragmentAsync(await socket.WaitForMessageAsync(hostileId));
        var plainFrame = await FragmentAsync(await socket.WaitForMessageAsync(plainId));
        var page = await viewer.Web.GetPageAsync("/");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Message(page.Document, hostileId).QuerySelector(".message-author")?.TextContent, Is.EqualTo(payload));
            InertMarkup.AssertInert(Message(page.Document, hostileId), Message(page.Document, plainId), "the message on the page");
            InertMarkup.AssertInert(Message(hostileFrame, hostileId), Message(plainFrame, plainId), "the message on the socket");
        }
        Dispose(hostile, plain, viewer);
    }

    [TestCaseSource(nameof(Payloads))]
    public async Task Markup_in_a_display_name_shows_as_text_in_the_chat_list_of_whoever_chats_with_them(string payload)
    {
        var (hostile, plain, viewer) = await PeopleAsync(payload);
        var withHostile = await App.RoomIdAsync(await viewer.Web.StartPrivateChatAsync(hostile.User));
        var withPlain = await App.RoomIdAsync(await viewer.Web.StartPrivateChatAsync(plain.User));

        using var response = await viewer.Web.GetAsync(RoomSteps.ListPath, htmx: true);
        var list = await HtmlPage.ParseAsync(response);

        var item = (int room) => list.Document.QuerySelector($"li.chat-item[data-room-id='{room}']")
                                 ?? throw new AssertionException($"Room {room} is not in the chat list.");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(item(withHostile).QuerySelector(".chat-item-title")?.TextContent, Is.EqualTo(payload));
            InertMarkup.AssertInert(item(withHostile), item(withPlain), "the chat list");
        }
        Dispose(hostile, plain, viewer);
    }

    [TestCase("'+pwn()+'")]
    public async Task Markup_in_a_display_name_shows_as_text_on_the_group_admins_member_list(string payload)
    {
        var (hostile, plain, admin) = await PeopleAsync(payload);
        var room = await App.CreateGroupAsync(admin.User, hostile.User, plain.User);

        var edit = await admin.Web.GetPageAsync(RoomSteps.EditPath(room));

        var member = async (Person person) => edit.Document.QuerySelector($"li.member[data-user-id='{await App.UserIdAsync(person.User)}']")
                                             ?? throw new AssertionException($"{person.User.Username} is not in the member list.");
        InertMarkup.AssertInert(await member(hostile), await member(plain), "the group's member list");
        Dispose(hostile, plain, admin);
    }

    private sealed record Person(WebSession Web, TestUser User);

    /// <summary>Someone named <paramref name="payload"/> (with the long payload as info), someone named plainly, and a viewer.</summary>
    private async Task<(Person Hostile, Person Plain, Person Viewer)> PeopleAsync(string payload)
    {
        var hostile = await DescribedAsync("hostile", payload, InertMarkup.LongPayload);
        var plain = await DescribedAsync("plain", "Plain name", "Plain words about me, and a few more of them to read.");
        var (viewer, viewerUser) = await App.SignedUpAsync("viewer");
        return (hostile, plain, new Person(viewer, viewerUser));
    }

    private async Task<Person> DescribedAsync(string prefix, string displayName, string info)
    {
        var (web, user) = await App.SignedUpAsync(prefix);
        using var saved = await web.SaveProfileAsync(null, displayName, info);
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"{prefix} saved the profile");
        return new Person(web, user);
    }

    private async Task<long> SendAsync(Person author)
    {
        var body = $"Hello from {author.User.Username}";
        await (await author.Web.OpenComposerAsync()).SendAsync(body);
        return await App.MessageIdAsync(body);
    }

    private async Task<IDocument> FragmentAsync(string frame) => await WebSession.ParseHtmlAsync(frame, App.BaseAddress);

    private static IElement Message(IDocument document, long id) =>
        document.QuerySelector($"#message-{id}") ?? throw new AssertionException($"Message {id} is not there.");

    private static void Dispose(params Person[] people)
    {
        foreach (var person in people) person.Web.Dispose();
    }
}
