using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Components.Chat;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data;

/// <summary>A page of a room's messages, oldest first, and whether older ones exist.</summary>
public sealed record HistoryPage(IReadOnlyList<MessageView> Messages, bool HasOlder);

/// <summary>Pages of a room's messages by id, shaped for the message component. Each is one index range scan.</summary>
public sealed class ChatHistory(AppDbContext db, NewestPages newest)
{
    public const int PageSize = 30;

    /// <summary>The newest page, or the page before <paramref name="beforeId"/>.</summary>
    public async Task<HistoryPage> PageAsync(int roomId, long? beforeId = null) =>
        beforeId is { } before ? await ReadAsync(roomId, before) : await newest.GetAsync(roomId, id => ReadAsync(id, long.MaxValue));

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
                .Take(limit), newestFirst: true)
            .ToListAsync(cancellationToken);
        newestFirst.Reverse();
        return newestFirst;
    }

    /// <summary>Messages as every socket will show them, in id order (read back after their commit, so authors' profiles are current).</summary>
    public async Task<IReadOnlyList<MessageView>> ManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default) =>
        await Views(db.Messages.Where(m => ids.Contains(m.Id))).ToListAsync(cancellationToken);

    /// <summary>A message and the one it answers, if it answers one that is still there.</summary>
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
        r.Message.ReplyToId == null ? null
            : ReplyView.Of(r.Message.ReplyToId.Value,
                r.Original == null ? null : r.Original.Author.Profile.DisplayName ?? r.Original.Author.UserName!,
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
