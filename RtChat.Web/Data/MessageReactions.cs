using Microsoft.EntityFrameworkCore;
using RtChat.Web.Components.Chat;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data;

/// <summary>
/// Reactions for messages read as views: one query for all of them, after the messages' own (which stays as it was: the
/// newest page's query is compiled and hot). Only messages that have changed can have reactions (a toggle is saved as a
/// change, and gives the message a version), so a page of messages that never changed costs no query at all.
/// </summary>
public static class MessageReactions
{
    private sealed record Row(long MessageId, string Emoji, string UserId, string Name, DateTimeOffset ReactedAt);

    /// <summary>The views again, in place, each with its reactions.</summary>
    public static async Task<List<MessageView>> WithReactionsAsync(this AppDbContext db, List<MessageView> views,
        CancellationToken cancellationToken = default)
    {
        var changed = views.Where(v => v.Version > 0).Select(v => v.Id).ToList();
        if (changed.Count == 0) return views;
        var rows = await db.Reactions.AsNoTracking().Where(r => changed.Contains(r.MessageId))
            .Select(r => new Row(r.MessageId, r.Emoji, r.UserId, r.User.Profile.DisplayName ?? r.User.UserName!, r.ReactedAt))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0) return views;
        var byMessage = rows.GroupBy(r => r.MessageId).ToDictionary(g => g.Key, Pills);
        for (var i = 0; i < views.Count; i++)
            if (byMessage.TryGetValue(views[i].Id, out var pills))
                views[i] = views[i] with { Reactions = pills };
        return views;
    }

    // Emoji in the order first used; names in the order they reacted. Sorted here: SQLite cannot order by a DateTimeOffset.
    private static ValueList<ReactionView> Pills(IEnumerable<Row> rows) => new(rows
        .OrderBy(r => r.ReactedAt).ThenBy(r => r.UserId, StringComparer.Ordinal)
        .GroupBy(r => r.Emoji)
        .Select(g => ReactionView.Of(g.Key, g.Select(r => (r.UserId, r.Name)).ToList()))
        .ToList());
}
