using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Components.Chat;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data;

/// <summary>A page of a room's messages, oldest first, and whether older ones exist.</summary>
/// <param name="ChangesUpTo">The room's newest message change when the page was read (newest pages only).</param>
public sealed record HistoryPage(IReadOnlyList<MessageView> Messages, bool HasOlder, long ChangesUpTo = 0);

/// <summary>A room's messages around one of them; <paramref name="NewestLeftOut"/> is the room's newest when newer ones are not on it.</summary>
public sealed record AroundPage(HistoryPage Page, long? NewestLeftOut);

/// <summary>Pages of a room's messages by id, shaped for the message component. Each is one index range scan.</summary>
public sealed class ChatHistory(AppDbContext db, NewestPages newest)
{
    public const int PageSize = 30;

    /// <summary>The newest page, or the page before <paramref name="beforeId"/>.</summary>
    public async Task<HistoryPage> PageAsync(int roomId, long? beforeId = null) =>
        beforeId is { } before ? await ReadAsync(roomId, before) : await newest.GetAsync(roomId, ReadNewestAsync);

    // The changes first: one made after the messages are read is then sent again on resume, never missed.
    private async Task<HistoryPage> ReadNewestAsync(int roomId)
    {
        var changesUpTo = await db.NewestChangeAsync(roomId);
        return await ReadAsync(roomId, long.MaxValue) with { ChangesUpTo = changesUpTo };
    }

    private async Task<HistoryPage> ReadAsync(int roomId, long beforeId)
    {
        var newestFirst = new List<MessageView>(PageSize + 1);
        await foreach (var message in NewestBefore(db, roomId, beforeId))
            newestFirst.Add(message);
        var hasOlder = newestFirst.Count > PageSize;
        if (hasOlder) newestFirst.RemoveAt(PageSize);
        newestFirst.Reverse();
        return new HistoryPage(newestFirst, hasOlder);
    }

    /// <summary>Up to <paramref name="limit"/> + 1 messages after <paramref name="afterId"/>, so the caller sees when there are too many.</summary>
    public async Task<IReadOnlyList<MessageView>> AfterAsync(int roomId, long afterId, int limit, CancellationToken cancellationToken = default) =>
        await Views(db.Messages
                .Where(m => m.RoomId == roomId && m.Id > afterId)
                .OrderBy(m => m.Id)
                .Take(limit + 1))
            .ToListAsync(cancellationToken);

    /// <summary>The newest <paramref name="limit"/> messages at or below <paramref name="upToId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<MessageView>> UpToAsync(int roomId, long upToId, int limit, CancellationToken cancellationToken = default)
    {
        var newestFirst = await Views(db.Messages
                .Where(m => m.RoomId == roomId && m.Id <= upToId)
                .OrderByDescending(m => m.Id)
                .Take(limit))
            .ToListAsync(cancellationToken);
        newestFirst.Reverse();
        return newestFirst;
    }

    /// <summary>Messages on each side of a message opened from elsewhere (a search result).</summary>
    public const int AroundEachSide = 15;

    /// <summary>
    /// The message <paramref name="messageId"/> with <see cref="AroundEachSide"/> on each side, oldest first; none when
    /// that message is not in the room.
    /// </summary>
    public async Task<AroundPage?> AroundAsync(int roomId, long messageId, CancellationToken cancellationToken = default)
    {
        var changesUpTo = await db.NewestChangeAsync(roomId);
        var upTo = await UpToAsync(roomId, messageId, AroundEachSide + 2, cancellationToken);
        if (upTo.Count == 0 || upTo[^1].Id != messageId) return null;
        var hasOlder = upTo.Count > AroundEachSide + 1;
        var after = await AfterAsync(roomId, messageId, AroundEachSide, cancellationToken);
        var messages = upTo.Skip(hasOlder ? 1 : 0).Concat(after.Take(AroundEachSide)).ToList();
        long? newest = after.Count > AroundEachSide
            ? await db.Messages.Where(m => m.RoomId == roomId).MaxAsync(m => m.Id, cancellationToken)
            : null;
        return new AroundPage(new HistoryPage(messages, hasOlder, changesUpTo), newest);
    }

    /// <summary>Messages as every socket will show them, in id order (read back after their commit, so authors' profiles are current).</summary>
    public async Task<IReadOnlyList<MessageView>> ManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default) =>
        await Views(db.Messages.Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id)).ToListAsync(cancellationToken);

    private static readonly Expression<Func<ChatMessage, MessageView>> ToView = m => new MessageView(
        m.Id, m.AuthorId, m.Author.UserName!, m.Author.Profile.DisplayName ?? m.Author.UserName!,
        m.Author.Profile.AvatarKey == null ? Profile.DefaultAvatarUrl : "/media/" + m.Author.Profile.AvatarKey,
        m.Body, m.CreatedAt,
        m.Attachment == null ? null : new AttachmentView(m.Attachment.FileKey, m.Attachment.Name, m.Attachment.Size,
            m.Attachment.ThumbnailKey, m.Attachment.ThumbnailWidth, m.Attachment.ThumbnailHeight, m.Attachment.WasAnimated),
        m.Version,
        m.EditedAt, m.DeletedAt != null);

    // Compiled once: every room page reads it. One more than a page tells whether there is an older one.
    private static readonly Func<AppDbContext, int, long, IAsyncEnumerable<MessageView>> NewestBefore =
        EF.CompileAsyncQuery((AppDbContext db, int roomId, long beforeId) =>
            db.Messages.AsNoTracking().Where(m => m.RoomId == roomId && m.Id < beforeId)
                .OrderByDescending(m => m.Id).Take(PageSize + 1).Select(ToView));

    private static IQueryable<MessageView> Views(IQueryable<ChatMessage> messages) => messages.AsNoTracking().Select(ToView);
}
