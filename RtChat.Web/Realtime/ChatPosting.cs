using RtChat.Web.Components.Chat;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>Posts a message: the rule check here, then the commit and the broadcast, in that order (<see cref="MessageCommitter"/>).</summary>
public sealed class ChatPosting(MessageCommitter committer, ChatOptions options, TimeProvider clock)
{
    public Task<MessageView> PostAsync(ChatRoom room, string authorId, string? body, CancellationToken cancellationToken = default) =>
        committer.CommitAsync(room, room.Post(authorId, body, options.Rules, clock.GetUtcNow()), cancellationToken);

    /// <summary>A message that may answer another (<paramref name="replyToId"/>) and mention users; <paramref name="db"/> finds both.</summary>
    public async Task<MessageView> PostAsync(AppDbContext db, ChatRoom room, string authorId, string? body, long? replyToId,
        CancellationToken cancellationToken = default)
    {
        var replyTo = await db.ReplyTargetAsync(replyToId, cancellationToken);
        var known = await db.MentionableAsync(room, body, cancellationToken);
        var message = room.Post(authorId, body, options.Rules, clock.GetUtcNow(), replyTo, known);
        return await committer.CommitAsync(room, message, cancellationToken);
    }
}
