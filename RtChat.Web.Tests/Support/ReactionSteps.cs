using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;

namespace RtChat.Web.Tests.Support;

/// <summary>Reactions as the room page's script posts them, and what was stored.</summary>
public static class ReactionSteps
{
    public const string ThumbsUp = "👍";
    public const string Party = "🎉";

    public static string ReactPath(long messageId) => $"/messages/{messageId}/react";

    /// <summary>Toggles <paramref name="emoji"/> on the message as reactions.js does (htmx), or as the no-script form does.</summary>
    public static Task<HttpResponseMessage> ReactAsync(this WebSession web, long messageId, string emoji, bool htmx = true) =>
        web.PostFormAsync(ReactPath(messageId), new Dictionary<string, string> { ["emoji"] = emoji }, htmx);

    /// <summary>The emoji stored on the message, with who reacted, ordered.</summary>
    public static Task<List<(string Emoji, string UserId)>> ReactionsOnAsync(this RtChatApp app, long messageId) =>
        app.QueryAsync(async db => (await db.Reactions.Where(r => r.MessageId == messageId).Select(r => new { r.Emoji, r.UserId }).ToListAsync())
            .Select(r => (r.Emoji, r.UserId)).OrderBy(r => r.Emoji, StringComparer.Ordinal).ThenBy(r => r.UserId, StringComparer.Ordinal).ToList());

    /// <summary>A frame's pill for <paramref name="emoji"/> shows <paramref name="count"/> (Razor writes emoji as character references).</summary>
    public static bool ShowsPill(string frame, string emoji, int count) =>
        System.Net.WebUtility.HtmlDecode(frame) is var decoded && decoded.Contains($"data-reaction=\"{emoji}\"", StringComparison.Ordinal)
        && decoded.Contains($"<span class=\"reaction-count\">{count}</span>", StringComparison.Ordinal);

    /// <summary>Makes <paramref name="userId"/> a member of the group <paramref name="room"/>, straight in the database.</summary>
    public static Task JoinAsync(this RtChatApp app, string room, string userId) =>
        app.QueryAsync(async db =>
        {
            (await db.FindWholeAsync(room))!.Join(userId, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
}
