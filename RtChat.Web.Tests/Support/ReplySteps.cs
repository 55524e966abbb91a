using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Data;

namespace RtChat.Web.Tests.Support;

/// <summary>The steps of replying and mentioning: a reply's post, what a message mentions, whom the composer offers.</summary>
public static class ReplySteps
{
    public static string MentionablePath(string room, string q) => $"/chat/mentionable/{Uri.EscapeDataString(room)}?q={Uri.EscapeDataString(q)}";

    /// <summary>Posts <paramref name="body"/> as a reply to <paramref name="replyTo"/>, with htmx.</summary>
    public static Task<HttpResponseMessage> ReplyAsync(this Composer composer, long replyTo, string body) =>
        composer.PostAsync(body, fields: new Dictionary<string, string?> { ["ReplyTo"] = replyTo.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>Sends <paramref name="body"/> to <paramref name="room"/> (a reply when <paramref name="replyTo"/> is given) and returns its id.</summary>
    public static async Task<long> SendAsync(this RtChatApp app, WebSession web, string room, string body, long? replyTo = null)
    {
        var composer = await web.OpenComposerAsync(room);
        using var response = replyTo is { } id ? await composer.ReplyAsync(id, body) : await composer.PostAsync(body);
        if (response.StatusCode != HttpStatusCode.NoContent)
            throw new AssertionException($"Posting answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await app.MessageIdAsync(body);
    }

    /// <summary>The ids of the users the stored message mentions.</summary>
    public static Task<List<string>> MentionedAsync(this RtChatApp app, long messageId) =>
        app.QueryAsync(db => db.Mentions.Where(m => m.MessageId == messageId).Select(m => m.UserId).ToListAsync());

    /// <summary>Deletes a message the one way the app does (its room's kept page forgotten, its pages told).</summary>
    public static async Task DeleteMessageAsync(this RtChatApp app, long messageId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MessageDeletion>().DeleteAsync(m => m.Id == messageId);
    }

    /// <summary>The message's article on <paramref name="room"/>'s page as <paramref name="web"/> sees it, or fails.</summary>
    public static async Task<IElement> ArticleAsync(this WebSession web, string room, long messageId)
    {
        var page = await web.GetPageAsync(ChatSteps.RoomPath(room));
        return page.Document.QuerySelector($"#messages #message-{messageId}")
               ?? throw new AssertionException($"Message {messageId} is not on {room}'s page.");
    }

    /// <summary>The usernames the composer's suggestions offer after <c>@<paramref name="q"/></c>.</summary>
    public static async Task<IReadOnlyList<string>> MentionableAsync(this WebSession web, string room, string q)
    {
        using var response = await web.GetAsync(MentionablePath(room, q), htmx: true);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"suggestions for @{q} in {room}");
        var page = await HtmlPage.ParseAsync(response);
        return page.Document.QuerySelectorAll("li[role=option]").Select(li => li.GetAttribute("data-username")!).ToList();
    }

    /// <summary>Whether the session's chat list shows "@" beside <paramref name="roomId"/>.</summary>
    public static async Task<bool> MentionBadgeAsync(this WebSession web, int roomId)
    {
        using var response = await web.GetAsync(RoomSteps.ListPath, htmx: true);
        var page = await HtmlPage.ParseAsync(response);
        var item = page.Document.QuerySelector($"li.chat-item[data-room-id='{roomId}']")
                   ?? throw new AssertionException($"Room {roomId} is not in the chat list.");
        Assert.That(item.QuerySelector("[data-testid=mention]")?.TextContent, Is.EqualTo("@"), "the badge is there to show");
        return item.GetAttribute("data-mentioned") == "true";
    }

    /// <summary>A ChatActivity frame saying who the new message <paramref name="messageId"/> mentions.</summary>
    public static bool IsActivityMentioning(string frame, long messageId, string userId) =>
        frame.Contains("#chat-list-events", StringComparison.Ordinal)
        && frame.Contains($"data-message-id=\"{messageId}\"", StringComparison.Ordinal)
        && System.Text.RegularExpressions.Regex.Match(frame, "data-mentions=\"([^\"]*)\"").Groups[1].Value.Split(' ').Contains(userId);
}
