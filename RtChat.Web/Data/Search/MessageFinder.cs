using Microsoft.EntityFrameworkCore;
using RtChat.Web.Domain;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data.Search;

/// <summary>A room the reader may search, as the room filter lists it.</summary>
public sealed record SearchRoom(int Id, string Name, string Title);

/// <summary>One message found: where, by whom, when, and its extract (marked).</summary>
public sealed record SearchResult(long MessageId, string RoomName, string RoomTitle, string AuthorUsername, string AuthorName,
    DateTimeOffset CreatedAt, string Snippet);

/// <summary>A page of results, newest first; <paramref name="OlderBefore"/> asks for the next one when there is one.</summary>
public sealed record ResultsPage(IReadOnlyList<SearchResult> Results, long? OlderBefore)
{
    public static readonly ResultsPage Empty = new([], null);
}

/// <summary>
/// Search as the page offers it: words, in one of the reader's rooms or all, by one author or all. A room or author
/// the reader cannot see finds nothing, the same nothing as a search without matches.
/// </summary>
public sealed class MessageFinder(AppDbContext db, IMessageSearch search)
{
    public const int PageSize = 20;

    /// <summary>The public room first, then the reader's groups and private chats (named after the other person).</summary>
    public async Task<IReadOnlyList<SearchRoom>> RoomsAsync(string readerId, CancellationToken cancellationToken = default)
    {
        var rooms = await db.Rooms.AsNoTracking()
            .Where(r => r.Kind == RoomKind.Public || r.Members.Any(m => m.UserId == readerId))
            .Select(r => new
            {
                r.Id, r.Name, r.Kind, r.Title,
                Other = r.Members.Where(m => m.UserId != readerId).Select(m => m.User.Profile.DisplayName ?? m.User.UserName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rooms
            .Select(r => new SearchRoom(r.Id, r.Name, r.Kind == RoomKind.Private && r.Other is not null ? r.Other : ChatRoom.TitleFor(r.Kind, r.Title, r.Name)))
            .OrderBy(r => r.Name != ChatRoom.PublicChatName).ThenBy(r => r.Title, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <param name="rooms">The reader's rooms (<see cref="RoomsAsync"/>).</param>
    /// <param name="roomName">One of them by its url name, or none for all.</param>
    /// <param name="author">A username (an @ before it is fine), or none for everyone.</param>
    public async Task<ResultsPage> FindAsync(string readerId, SearchTerms terms, IReadOnlyList<SearchRoom> rooms, string? roomName, string? author,
        long? before, CancellationToken cancellationToken = default)
    {
        int? roomId = null;
        if (!string.IsNullOrWhiteSpace(roomName))
        {
            if (rooms.FirstOrDefault(r => r.Name == roomName) is not { } room) return ResultsPage.Empty;
            roomId = room.Id;
        }
        string? authorId = null;
        if (!string.IsNullOrWhiteSpace(author))
        {
            var username = Username.Normalize(author).TrimStart('@');
            authorId = await db.Users.Where(u => u.UserName == username).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
            if (authorId is null) return ResultsPage.Empty;
        }
        var hits = await search.FindAsync(new SearchQuery(readerId, terms, roomId, authorId, before), PageSize + 1, cancellationToken);
        var shown = hits.Take(PageSize).ToList();
        var ids = shown.Select(h => h.MessageId).ToList();
        var details = await db.Messages.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.RoomId, m.CreatedAt, Username = m.Author.UserName!, Name = m.Author.Profile.DisplayName ?? m.Author.UserName! })
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        var roomsById = rooms.ToDictionary(r => r.Id);
        // A message deleted, or a room left, since the search ran is left out.
        var results = shown
            .Where(h => details.ContainsKey(h.MessageId) && roomsById.ContainsKey(details[h.MessageId].RoomId))
            .Select(h =>
            {
                var message = details[h.MessageId];
                var room = roomsById[message.RoomId];
                return new SearchResult(h.MessageId, room.Name, room.Title, message.Username, message.Name, message.CreatedAt, h.Snippet);
            })
            .ToList();
        return new ResultsPage(results, hits.Count > PageSize ? shown[^1].MessageId : null);
    }
}
