using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Components.Chat;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data;

/// <summary>Pages of a room's messages by id, shaped for the message component. Each is one index range scan.</summary>
public sealed class ChatHistory(AppDbContext db)
{
    public const int PageSize = 30;

    /// <summary>The newest page (or the page before <paramref name="beforeId"/>), oldest first, and whether older ones exist.</summary>
    public async Task<(IReadOnlyList<MessageView> Messages, bool HasOlder)> PageAsync(int roomId, long? beforeId = null)
    {
        var newestFirst = new List<MessageView>(PageSize + 1);
        await foreach (var message in NewestBefore(db, roomId, beforeId ?? long.MaxValue))
            newestFirst.Add(message);
        var hasOlder = newestFirst.Count > PageSize;
        if (hasOlder) newestFirst.RemoveAt(PageSize);
        newestFirst.Reverse();
        return (newestFirst, hasOlder);
    }

    /// <summary>Up to <paramref name="limit"/> + 1 messages after <paramref name="afterId"/>, so the caller sees when there are too many.</summary>
    public async Task<IReadOnlyList<MessageView>> AfterAsync(int roomId, long afterId, int limit, CancellationToken cancellationToken = default) =>
        await Views(db.Messages
                .Where(m => m.RoomId == roomId && m.Id > afterId)
                .OrderBy(m => m.Id)
                .Take(limit + 1))
            .ToListAsync(cancellationToken);

    /// <summary>One message as every socket will show it (read back after its commit, so the author's profile is current).</summary>
    public Task<MessageView> OneAsync(long id, CancellationToken cancellationToken = default) => One(db, id, cancellationToken);

    private static readonly Expression<Func<ChatMessage, MessageView>> ToView = m => new MessageView(
        m.Id, m.AuthorId, m.Author.UserName!, m.Author.Profile.DisplayName ?? m.Author.UserName!,
        m.Author.Profile.AvatarKey == null ? Profile.DefaultAvatarUrl : "/media/" + m.Author.Profile.AvatarKey,
        m.Body, m.CreatedAt);

    // Compiled once: every room page reads it. One more than a page tells whether there is an older one.
    private static readonly Func<AppDbContext, int, long, IAsyncEnumerable<MessageView>> NewestBefore =
        EF.CompileAsyncQuery((AppDbContext db, int roomId, long beforeId) =>
            db.Messages.AsNoTracking().Where(m => m.RoomId == roomId && m.Id < beforeId)
                .OrderByDescending(m => m.Id).Take(PageSize + 1).Select(ToView));

    // Compiled once: it runs for every message sent.
    private static readonly Func<AppDbContext, long, CancellationToken, Task<MessageView>> One =
        EF.CompileAsyncQuery((AppDbContext db, long id, CancellationToken _) =>
            db.Messages.AsNoTracking().Where(m => m.Id == id).Select(ToView).Single());

    private static IQueryable<MessageView> Views(IQueryable<ChatMessage> messages) => messages.AsNoTracking().Select(ToView);
}
