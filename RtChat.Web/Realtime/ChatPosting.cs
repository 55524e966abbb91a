using RtChat.Web.Components.Chat;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>Posts a message: the rule check here, then the commit and the broadcast, in that order (<see cref="MessageCommitter"/>).</summary>
public sealed class ChatPosting(MessageCommitter committer, ChatOptions options, TimeProvider clock)
{
    public Task<MessageView> PostAsync(ChatRoom room, string authorId, string? body, CancellationToken cancellationToken = default) =>
        committer.CommitAsync(room, room.Post(authorId, body, options.Rules, clock.GetUtcNow()), cancellationToken);
}
