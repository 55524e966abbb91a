using RtChat.Web.Components.Chat;
using RtChat.Web.Data;

namespace RtChat.Web.Realtime;

/// <summary>
/// What a page that was away missed, as frames: the messages after its newest, and the few newest at or below it
/// (<see cref="RealtimeOptions.ResumeOverlap"/>), which the page skips if it has them: nodes commit and publish
/// independently, so a page can get a message before an older one that was still on its way. Past the resume limit, one
/// reload notice instead.
/// </summary>
public sealed class MissedMessages(IServiceScopeFactory scopes, ChatFrames frames, CatchUpFloor floor, RealtimeOptions options)
{
    public async Task<IReadOnlyList<SocketFrame>> AfterAsync(int roomId, long newestShown, CancellationToken cancellationToken)
    {
        var afterId = floor.From(newestShown);
        IReadOnlyList<MessageView> missed, overlap = [];
        await using (var scope = scopes.CreateAsyncScope())
        {
            var history = scope.ServiceProvider.GetRequiredService<ChatHistory>();
            missed = await history.AfterAsync(roomId, afterId, options.ResumeLimit, cancellationToken);
            // Too much since the outage: the page's own newest then (a reload would start from the outage again, and again).
            if (missed.Count > options.ResumeLimit && afterId < newestShown)
                missed = await history.AfterAsync(roomId, afterId = newestShown, options.ResumeLimit, cancellationToken);
            if (missed.Count > options.ResumeLimit)
                return [await frames.ReloadAsync(roomId)];
            if (afterId > 0 && options.ResumeOverlap > 0)
                overlap = await history.UpToAsync(roomId, afterId, options.ResumeOverlap, cancellationToken);
        }
        var replay = new List<SocketFrame>(overlap.Count + missed.Count);
        foreach (var message in overlap.Concat(missed))
            replay.Add(await frames.MessageAsync(roomId, message));
        return replay;
    }
}
