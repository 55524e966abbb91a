using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Tests.Support;

/// <summary>A room page's composer form, loaded once and posted as often as a test likes (the antiforgery token is reusable).</summary>
public sealed class Composer(WebSession web, HtmlPage page)
{
    public const string FormSelector = "form#composer";

    public HtmlPage Page { get; } = page;

    /// <summary>Posts <paramref name="body"/> the way the form does: with htmx (HX-Request) unless told otherwise.</summary>
    public Task<HttpResponseMessage> PostAsync(string body, bool htmx = true, IReadOnlyDictionary<string, string?>? fields = null)
    {
        var values = new Dictionary<string, string?>(fields ?? new Dictionary<string, string?>()) { ["Body"] = body };
        return web.SubmitAsync(Page, FormSelector, values, htmx);
    }

    /// <summary>Posts <paramref name="body"/> with htmx and fails unless the app answers 204.</summary>
    public async Task SendAsync(string body)
    {
        using var response = await PostAsync(body);
        if (response.StatusCode != HttpStatusCode.NoContent)
            throw new AssertionException($"Posting a message answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>The chat steps tests go through: rooms, posting, and reading what was stored.</summary>
public static class ChatSteps
{
    public const string PublicRoom = ChatRoom.PublicChatName;

    /// <summary>Bodies that would do something if the app put them into the page as markup.</summary>
    public static readonly string[] XssPayloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<div hx-get=\"/x\" hx-trigger=\"load\">boom</div>",
        "<div hx-swap-oob=\"true\" id=\"composer\">owned</div>",
        "<b hx-on:click=\"alert(1)\">click</b>",
        "<b _=\"on load call alert(1)\">hyperscript</b>",
    ];

    public static string RoomPath(string room) => "/chat/room/" + Uri.EscapeDataString(room);

    /// <summary>Opens <paramref name="room"/>'s page and returns its composer.</summary>
    public static async Task<Composer> OpenComposerAsync(this WebSession web, string room = PublicRoom)
    {
        var page = await web.GetPageAsync(RoomPath(room));
        if (page.Status != HttpStatusCode.OK)
            throw new AssertionException($"Opening {RoomPath(room)} answered {(int)page.Status}.");
        return new Composer(web, page);
    }

    public static async Task<string> UserIdAsync(this RtChatApp app, TestUser user) =>
        (await app.FindUserByEmailAsync(user.Email))?.Id ?? throw new AssertionException($"No user {user.Username}.");

    public static async Task<int> RoomIdAsync(this RtChatApp app, string room) =>
        await app.QueryAsync(db => db.Rooms.Where(r => r.Name == room).Select(r => (int?)r.Id).SingleOrDefaultAsync())
        ?? throw new AssertionException($"No room {room}.");

    /// <summary>The newest message id in <paramref name="room"/> (0 if none): what a page showing the room would resume after.</summary>
    public static async Task<long> LastMessageIdAsync(this RtChatApp app, string room = PublicRoom) =>
        await app.QueryAsync(db => db.Messages.Where(m => m.Room.Name == room).Select(m => (long?)m.Id).MaxAsync()) ?? 0;

    /// <summary>The id of the one message with this exact (stored, trimmed) body.</summary>
    public static async Task<long> MessageIdAsync(this RtChatApp app, string body) =>
        await app.QueryAsync(db => db.Messages.Where(m => m.Body == body).Select(m => (long?)m.Id).SingleOrDefaultAsync())
        ?? throw new AssertionException($"No stored message with the body \"{body}\".");

    public static Task<bool> HasMessageAsync(this RtChatApp app, string body) =>
        app.QueryAsync(db => db.Messages.AnyAsync(m => m.Body == body));

    /// <summary>A group room with these members, the first its admin, made in the database; returns its name.</summary>
    public static async Task<string> CreateGroupAsync(this RtChatApp app, params TestUser[] members)
    {
        var ids = new List<string>();
        foreach (var member in members) ids.Add(await app.UserIdAsync(member));
        return await app.QueryAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            // As the New page makes it (an invite code and all), the first member its admin.
            var room = ChatRoom.CreateGroup("Test group", ids[0], now);
            foreach (var id in ids.Skip(1)) room.Join(id, now);
            db.Rooms.Add(room);
            await db.SaveChangesAsync();
            return room.Name;
        });
    }

    /// <summary>Stores <paramref name="count"/> messages by <paramref name="author"/> straight in the database; returns their ids, oldest first.</summary>
    /// <summary>Sets <paramref name="user"/>'s read mark in <paramref name="room"/> as a page would (joining the public room first, as reading it does).</summary>
    public static async Task MarkReadAsync(this RtChatApp app, TestUser user, string room, long messageId)
    {
        var userId = await app.UserIdAsync(user);
        await app.QueryAsync(async db =>
        {
            var chat = await db.FindForUserAsync(room, userId) ?? throw new AssertionException($"No room {room}.");
            chat.Join(userId, DateTimeOffset.UtcNow).MarkRead(messageId);
            return await db.SaveChangesAsync();
        });
    }

    public static async Task<IReadOnlyList<long>> SeedMessagesAsync(this RtChatApp app, TestUser author, int count, string room = PublicRoom)
    {
        var authorId = await app.UserIdAsync(author);
        return await app.QueryAsync(async db =>
        {
            var chat = await db.FindForUserAsync(room, authorId) ?? throw new AssertionException($"No room {room}.");
            var messages = Enumerable.Range(1, count)
                .Select(i => chat.Post(authorId, $"Seeded message {i} of {count}", new MessageRules(), DateTimeOffset.UtcNow))
                .ToList();
            foreach (var message in messages)
            {
                db.Messages.Add(message);
                await db.SaveChangesAsync(); // one by one: ids in the order posted
            }
            return (IReadOnlyList<long>)messages.Select(m => m.Id).ToList();
        });
    }

    /// <summary>
    /// Fails unless <paramref name="article"/> (one rendered message) shows <paramref name="body"/> as plain text only:
    /// no element inside its body, no script, no image but the avatar, no htmx, event-handler or _hyperscript attribute anywhere in it.
    /// </summary>
    public static void AssertShowsInertly(IElement article, string body)
    {
        var messageBody = article.QuerySelector(".message-body");
        var activeAttributes = article.QuerySelectorAll("*").Prepend(article)
            .SelectMany(e => e.Attributes.Select(a => $"<{e.LocalName} {a.Name}>"))
            .Where(a => a.Contains(" hx-", StringComparison.Ordinal) || a.Contains(" on", StringComparison.Ordinal) || a.EndsWith(" _>", StringComparison.Ordinal))
            .ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(messageBody, Is.Not.Null, "the message has a body");
            Assert.That(messageBody?.TextContent, Is.EqualTo(body), "the body shows the text as typed");
            Assert.That(messageBody?.Children.Select(c => c.LocalName), Is.Empty, "no element is made from the text");
            Assert.That(article.QuerySelectorAll("script"), Is.Empty);
            Assert.That(article.QuerySelectorAll("img").Select(i => i.ClassList.Contains("avatar")), Is.EqualTo(new[] { true }), "the only image is the avatar");
            Assert.That(activeAttributes, Is.Empty, "no htmx or event attributes");
        }
    }

    /// <summary>A new user's group with <paramref name="count"/> messages sent through its composer, their ids in order.</summary>
    public static async Task<(WebSession Web, string Room, IReadOnlyList<long> Posted)> GroupWithMessagesAsync(this RtChatApp app,
        string prefix, int count)
    {
        var (web, user) = await app.SignedUpAsync(prefix);
        var room = await app.CreateGroupAsync(user);
        var composer = await web.OpenComposerAsync(room);
        var ids = new List<long>();
        for (var i = 1; i <= count; i++)
        {
            var body = $"Message {i} in {room}";
            await composer.SendAsync(body);
            ids.Add(await app.MessageIdAsync(body));
        }
        return (web, room, ids);
    }
}
