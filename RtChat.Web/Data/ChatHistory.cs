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
        return new HistoryPage(await db.WithReactionsAsync(newestFirst), hasOlder);
    }

    /// <summary>Up to <paramref name="limit"/> + 1 messages after <paramref name="afterId"/>, so the caller sees when there are too many.</summary>
    public async Task<IReadOnlyList<MessageView>> AfterAsync(int roomId, long afterId, int limit, CancellationToken cancellationToken = default) =>
        await db.WithReactionsAsync(await Views(db.Messages
                .Where(m => m.RoomId == roomId && m.Id > afterId)
                .OrderBy(m => m.Id)
                .Take(limit + 1))
            .ToListAsync(cancellationToken), cancellationToken);

    /// <summary>The newest <paramref name="limit"/> messages at or below <paramref name="upToId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<MessageView>> UpToAsync(int roomId, long upToId, int limit, CancellationToken cancellationToken = default)
    {
        var newestFirst = await Views(db.Messages
                .Where(m => m.RoomId == roomId && m.Id <= upToId)
                .OrderByDescending(m => m.Id)
                .Take(limit), newestFirst: true)
            .ToListAsync(cancellationToken);
        newestFirst.Reverse();
        return await db.WithReactionsAsync(newestFirst, cancellationToken);
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
        await db.WithReactionsAsync(await Views(db.Messages.Where(m => ids.Contains(m.Id))).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>A message and the one it answers, if that one's row is still there (a deleted one's tombstone counts as gone).</summary>
    private sealed class Row
    {
        public ChatMessage Message { get; init; } = null!;
        public ChatMessage? Original { get; init; }
    }

    // The original of a reply comes in the same query (a left join on its id), never a query per message.
    private static readonly Expression<Func<Row, MessageView>> ToView = r => new MessageView(
        r.Message.Id, r.Message.AuthorId, r.Message.Author.UserName!, r.Message.Author.Profile.DisplayName ?? r.Message.Author.UserName!,
        r.Message.Author.Profile.AvatarKey == null ? Profile.DefaultAvatarUrl : "/media/" + r.Message.Author.Profile.AvatarKey,
        r.Message.Body, r.Message.CreatedAt,
        r.Message.Attachment == null ? null : new AttachmentView(r.Message.Attachment.FileKey, r.Message.Attachment.Name, r.Message.Attachment.Size,
            r.Message.Attachment.ThumbnailKey, r.Message.Attachment.ThumbnailWidth, r.Message.Attachment.ThumbnailHeight, r.Message.Attachment.WasAnimated),
        r.Message.Version, r.Message.EditedAt, r.Message.DeletedAt != null,
        r.Message.ReplyToId == null ? null
            : ReplyView.Of(r.Message.ReplyToId.Value,
                r.Original == null || r.Original.DeletedAt != null ? null : r.Original.Author.Profile.DisplayName ?? r.Original.Author.UserName!,
                r.Original == null ? null : r.Original.Body.Substring(0, ReplyView.BodyRead),
                r.Original == null || r.Original.Attachment == null ? null : r.Original.Attachment.Name),
        MentionList.Ids(r.Message.MentionedUsers), MentionList.Names(r.Message.MentionedUsers));

    private static IQueryable<Row> WithOriginals(AppDbContext db, IQueryable<ChatMessage> messages) =>
        messages.LeftJoin(db.Messages, m => m.ReplyToId, o => (long?)o.Id, (m, o) => new Row { Message = m, Original = o });

    // Compiled once: every room page reads it. One more than a page tells whether there is an older one.
    private static readonly Func<AppDbContext, int, long, IAsyncEnumerable<MessageView>> NewestBefore =
        EF.CompileAsyncQuery((AppDbContext db, int roomId, long beforeId) =>
            db.Messages.AsNoTracking().Where(m => m.RoomId == roomId && m.Id < beforeId)
                .OrderByDescending(m => m.Id).Take(PageSize + 1)
                .LeftJoin(db.Messages, m => m.ReplyToId, o => (long?)o.Id, (m, o) => new Row { Message = m, Original = o })
                .OrderByDescending(r => r.Message.Id).Select(ToView));

    private IQueryable<MessageView> Views(IQueryable<ChatMessage> messages, bool newestFirst = false)
    {
        var rows = WithOriginals(db, messages.AsNoTracking());
        return (newestFirst ? rows.OrderByDescending(r => r.Message.Id) : rows.OrderBy(r => r.Message.Id)).Select(ToView);
    }
}
