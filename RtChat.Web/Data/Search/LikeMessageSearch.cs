using Microsoft.EntityFrameworkCore;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data.Search;

/// <summary>
/// SQL Server: every word found anywhere in the body with LIKE (no full-text catalog to install or keep; it scans the
/// reader's rooms' messages, newest first, until a page is found). Case follows the database's collation (usually
/// insensitive), and so do accents (usually sensitive: "cafe" does not find "café" there).
/// </summary>
public sealed class LikeMessageSearch(AppDbContext db) : IMessageSearch
{
    public async Task<IReadOnlyList<SearchHit>> FindAsync(SearchQuery query, int limit, CancellationToken cancellationToken = default)
    {
        var found = await Matching(query, limit).ToListAsync(cancellationToken);
        return found.Select(m => new SearchHit(m.Id, MarkedSnippet.Around(m.Body, query.Terms.Words))).ToList();
    }

    internal IQueryable<FoundBody> Matching(SearchQuery query, int limit)
    {
        var reader = query.ReaderId;
        var before = query.BeforeId ?? long.MaxValue;
        var messages = db.Messages.AsNoTracking()
            .Where(m => m.Id < before && (m.Room.Kind == RoomKind.Public || m.Room.Members.Any(x => x.UserId == reader)));
        if (query.RoomId is { } roomId) messages = messages.Where(m => m.RoomId == roomId);
        if (query.AuthorId is { } authorId) messages = messages.Where(m => m.AuthorId == authorId);
        // Words are letters and digits only (SearchTerms): no LIKE wildcard or escape to take care of.
        foreach (var pattern in query.Terms.Words.Select(word => $"%{word}%"))
            messages = messages.Where(m => EF.Functions.Like(m.Body, pattern));
        return messages.OrderByDescending(m => m.Id).Take(limit).Select(m => new FoundBody(m.Id, m.Body));
    }

    internal sealed record FoundBody(long Id, string Body);
}
