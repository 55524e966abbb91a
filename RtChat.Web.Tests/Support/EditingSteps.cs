using Microsoft.EntityFrameworkCore;

namespace RtChat.Web.Tests.Support;

/// <summary>An author's edits and deletions over HTTP, as the room page's scripts (htmx) or the pages without them make them.</summary>
public static class EditingSteps
{
    public static string MessagePath(long id) => $"/messages/{id}";
    public static string EditPath(long id) => $"/messages/{id}?handler=Edit";
    public static string DeletePath(long id) => $"/messages/{id}?handler=Delete";

    /// <summary>Posts <paramref name="body"/> as the edit form does; a null <paramref name="token"/> fetches this session's.</summary>
    public static async Task<HttpResponseMessage> PostEditAsync(this WebSession web, long id, string body, bool htmx = true, string? token = null) =>
        await web.PostWithTokenAsync(EditPath(id), token ?? await web.RequestTokenAsync(), new Dictionary<string, string> { ["Body"] = body }, htmx);

    public static Task<HttpResponseMessage> PostDeleteAsync(this WebSession web, long id, bool htmx = true) =>
        web.PostFormAsync(DeletePath(id), htmx: htmx);

    /// <summary>Sends <paramref name="body"/> from the room's composer; returns the stored message's id.</summary>
    public static async Task<long> SendAsync(this WebSession web, RtChatApp app, string body, string room = ChatSteps.PublicRoom)
    {
        await (await web.OpenComposerAsync(room)).SendAsync(body);
        return await app.MessageIdAsync(body);
    }

    /// <summary>Makes the message look sent <paramref name="ago"/> (past its edit window, say).</summary>
    public static Task SentAgoAsync(this RtChatApp app, long id, TimeSpan ago) =>
        app.QueryAsync(db => db.Messages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, DateTimeOffset.UtcNow - ago)));

    public static Task<(string Body, bool Deleted, bool Edited, bool HasFile)> StoredAsync(this RtChatApp app, long id) =>
        app.QueryAsync(db => db.Messages.Where(m => m.Id == id)
            .Select(m => new ValueTuple<string, bool, bool, bool>(m.Body, m.DeletedAt != null, m.EditedAt != null, m.Attachment != null))
            .SingleAsync());
}
