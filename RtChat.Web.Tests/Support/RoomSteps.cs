using System.Net;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Tests.Support;

/// <summary>One chat of the header's list, as <c>/chat/list</c> renders it.</summary>
public sealed record ChatListEntry(int RoomId, string Title, int Unread, long LastId);

/// <summary>Alice and Bob, signed in each in their own session.</summary>
public record TwoPeople(WebSession AliceWeb, TestUser Alice, WebSession BobWeb, TestUser Bob) : IDisposable
{
    public void Dispose()
    {
        AliceWeb.Dispose();
        BobWeb.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Alice and Bob, and the private chat Alice started with Bob.</summary>
public sealed record PrivateChat(WebSession AliceWeb, TestUser Alice, WebSession BobWeb, TestUser Bob, string Room)
    : TwoPeople(AliceWeb, Alice, BobWeb, Bob);

/// <summary>The steps of private chats and groups, done over HTTP the way their pages do them.</summary>
public static class RoomSteps
{
    public const string TokenField = "__RequestVerificationToken";
    public const string NewPath = "/chat/new";
    public const string ListPath = "/chat/list";
    public const string AccessEndedId = "data-testid=\"access-ended\"";

    public static string StartPath(string username) => "/chat/start/" + Uri.EscapeDataString(username);
    public static string JoinPath(string code) => "/chat/join/" + Uri.EscapeDataString(code);
    public static string EditPath(string room, string? handler = null) =>
        "/chat/edit/" + Uri.EscapeDataString(room) + (handler is null ? "" : "?handler=" + handler);
    public static string DeletePath(string room) => "/chat/delete/" + Uri.EscapeDataString(room);
    public static string LeavePath(string room) => "/chat/leave/" + Uri.EscapeDataString(room);

    /// <summary><see cref="AccountSteps.SignedUpAsync"/>, then the confirmation link of the mail opened in that session.</summary>
    public static async Task<(WebSession Web, TestUser User)> SignedUpConfirmedAsync(this RtChatApp app, string prefix)
    {
        var (web, user) = await app.SignedUpAsync(prefix);
        var link = (await app.Mailbox.WaitForMailAsync(user.Email)).Link.PathAndQuery;
        await web.GetPageAsync(link);
        return (web, user);
    }

    /// <summary>The request token a page of this session carries in its forms (the login page's when signed out).</summary>
    public static async Task<string> RequestTokenAsync(this WebSession web)
    {
        var page = await web.GetPageAsync(NewPath);
        return page.Document.QuerySelector($"input[name={TokenField}]")?.GetAttribute("value")
               ?? throw new AssertionException($"No request token on {page.Url}.");
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="url"/> as a form does; a null <paramref name="token"/> leaves the token out.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(
        this WebSession web, string url, string? token, IReadOnlyDictionary<string, string>? fields = null, bool htmx = false)
    {
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>());
        if (token is not null) values[TokenField] = token;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(values) };
        if (htmx) request.Headers.Add("HX-Request", "true");
        return await web.SendAsync(request);
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="url"/> with this session's request token, as its forms do.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this WebSession web, string url, IReadOnlyDictionary<string, string>? fields = null, bool htmx = false) =>
        await web.PostWithTokenAsync(url, await web.RequestTokenAsync(), fields, htmx);

    /// <summary>The room a redirect goes to ("/chat/room/NAME"), or fails.</summary>
    public static string RoomOf(HttpResponseMessage redirect)
    {
        var path = redirect.Headers.Location?.OriginalString ?? "";
        if (redirect.StatusCode != HttpStatusCode.Redirect || !path.StartsWith("/chat/room/", StringComparison.Ordinal))
            throw new AssertionException($"Expected a redirect to a room, got {(int)redirect.StatusCode} to \"{path}\".");
        return Uri.UnescapeDataString(path["/chat/room/".Length..]);
    }

    /// <summary>Presses "Message" on <paramref name="other"/>'s profile; returns the private room it leads to.</summary>
    public static async Task<string> StartPrivateChatAsync(this WebSession web, TestUser other)
    {
        var profile = await web.GetPageAsync("/u/" + other.Username);
        using var response = await web.SubmitAsync(profile, $"form[action='{StartPath(other.Username)}']");
        return RoomOf(response);
    }

    public static async Task<TwoPeople> TwoPeopleAsync(this RtChatApp app)
    {
        var (aliceWeb, alice) = await app.SignedUpAsync("alice");
        var (bobWeb, bob) = await app.SignedUpAsync("bob");
        return new TwoPeople(aliceWeb, alice, bobWeb, bob);
    }

    /// <summary>Two new people; the first pressed "Message" on the second's profile.</summary>
    public static async Task<PrivateChat> PrivateChatAsync(this RtChatApp app)
    {
        var (aliceWeb, alice, bobWeb, bob) = await app.TwoPeopleAsync();
        return new PrivateChat(aliceWeb, alice, bobWeb, bob, await aliceWeb.StartPrivateChatAsync(bob));
    }

    /// <summary>Makes a group with the New page's form; returns its name.</summary>
    public static async Task<string> CreateGroupAsync(this WebSession web, string title = "Weekend plans")
    {
        var form = await web.GetPageAsync(NewPath);
        using var response = await web.SubmitAsync(form, fields: new Dictionary<string, string?> { ["Title"] = title });
        return RoomOf(response);
    }

    public static async Task<string> InviteCodeAsync(this RtChatApp app, string room) =>
        await app.QueryAsync(db => db.Rooms.Where(r => r.Name == room).Select(r => r.InviteCode).SingleAsync())
        ?? throw new AssertionException($"The room {room} has no invite code.");

    /// <summary>Presses "Join the group" on the invite link's page (posts to it: a refused page has no button).</summary>
    public static Task<HttpResponseMessage> JoinAsync(this WebSession web, string code) => web.PostFormAsync(JoinPath(code));

    /// <summary>Joins <paramref name="room"/> through its current invite link, and fails unless that leads into the room.</summary>
    public static async Task JoinGroupAsync(this WebSession web, RtChatApp app, string room)
    {
        using var response = await web.JoinAsync(await app.InviteCodeAsync(room));
        Assert.That(RoomOf(response), Is.EqualTo(room), "joining leads into the room");
    }

    /// <summary>Posts one of the Edit page's forms (<c>?handler=</c><paramref name="handler"/>) as the admin does.</summary>
    public static Task<HttpResponseMessage> EditAsync(this WebSession web, string room, string handler, IReadOnlyDictionary<string, string>? fields = null) =>
        web.PostFormAsync(EditPath(room, handler), fields);

    public static async Task<HttpResponseMessage> RemoveMemberAsync(this WebSession admin, RtChatApp app, string room, TestUser member) =>
        await admin.EditAsync(room, "Remove", new Dictionary<string, string> { ["userId"] = await app.UserIdAsync(member) });

    public static async Task<HttpResponseMessage> ReinviteAsync(this WebSession admin, RtChatApp app, string room, TestUser member) =>
        await admin.EditAsync(room, "Reinvite", new Dictionary<string, string> { ["userId"] = await app.UserIdAsync(member) });

    /// <summary>Removes <paramref name="member"/> from the group in the database, as its admin would.</summary>
    public static async Task RemoveFromGroupAsync(this RtChatApp app, string room, TestUser member)
    {
        var memberId = await app.UserIdAsync(member);
        await app.QueryAsync(async db =>
        {
            var group = await db.FindWholeAsync(room) ?? throw new AssertionException($"No room {room}.");
            group.Remove(memberId, group.AdminId!, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>The private rooms of two users (by their pair key): one at most, if the database keeps its word.</summary>
    public static async Task<IReadOnlyList<string>> PrivateRoomsOfAsync(this RtChatApp app, TestUser one, TestUser other)
    {
        var key = RoomKeys.Pair(await app.UserIdAsync(one), await app.UserIdAsync(other));
        return await app.QueryAsync(db => db.Rooms.Where(r => r.PairKey == key).Select(r => r.Name).ToListAsync());
    }

    public static async Task<bool> IsMemberAsync(this RtChatApp app, string room, TestUser user)
    {
        var id = await app.UserIdAsync(user);
        return await app.QueryAsync(db => db.Memberships.AnyAsync(m => m.UserId == id && db.Rooms.Any(r => r.Id == m.RoomId && r.Name == room)));
    }

    /// <summary>The session's chat list, as the header's menu loads it (htmx).</summary>
    public static async Task<IReadOnlyList<ChatListEntry>> ChatListAsync(this WebSession web)
    {
        using var response = await web.GetAsync(ListPath, htmx: true);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the chat list loads");
        var page = await HtmlPage.ParseAsync(response);
        return page.Document.QuerySelectorAll("li.chat-item").Select(li => new ChatListEntry(
            int.Parse(li.GetAttribute("data-room-id")!, System.Globalization.CultureInfo.InvariantCulture),
            li.QuerySelector(".chat-item-title")?.TextContent.Trim() ?? "",
            int.Parse(li.GetAttribute("data-unread")!, System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(li.GetAttribute("data-last-id")!, System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>The list's entry for <paramref name="roomId"/>, or fails.</summary>
    public static ChatListEntry Entry(this IReadOnlyList<ChatListEntry> list, int roomId) =>
        list.SingleOrDefault(e => e.RoomId == roomId)
        ?? throw new AssertionException($"Room {roomId} is not in the chat list: {string.Join(", ", list)}.");

    /// <summary>A ChatActivity frame about a new message in <paramref name="roomId"/>.</summary>
    public static bool IsActivity(string frame, int roomId, long messageId) =>
        frame.Contains("#chat-list-events", StringComparison.Ordinal)
        && frame.Contains($"data-room-id=\"{roomId}\"", StringComparison.Ordinal)
        && frame.Contains($"data-message-id=\"{messageId}\"", StringComparison.Ordinal);

    /// <summary>A ChatActivity frame saying the reader has read <paramref name="roomId"/>.</summary>
    public static bool IsRead(string frame, int roomId) =>
        frame.Contains($"data-room-id=\"{roomId}\"", StringComparison.Ordinal) && frame.Contains("data-read=\"true\"", StringComparison.Ordinal);

    public static bool IsListChanged(string frame) => frame.Contains("data-list-changed=\"true\"", StringComparison.Ordinal);

    public static bool IsAccessEnded(string frame) => frame.Contains(AccessEndedId, StringComparison.Ordinal);

    /// <summary>
    /// Waits for the access-ended frame, then for the socket to close; returns the frame. Fails if the socket got anything
    /// but the end frame after it, or closed with another status than the policy violation that stops the page reconnecting.
    /// </summary>
    public static async Task<string> WaitForAccessEndedAsync(this ChatSocket socket)
    {
        var frame = await socket.WaitForAsync(IsAccessEnded, "the access-ended notice");
        await socket.WaitForEndAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(socket.Received[^1], Is.EqualTo(frame), "the notice is the last frame");
            Assert.That(socket.Socket.CloseStatus, Is.EqualTo(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation), socket.Failure?.Message);
        }
        return frame;
    }
}
