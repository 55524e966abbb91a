using RtChat.Web.Components.Chat;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>
/// What a page that was away missed, as frames: the messages after its newest, and the few newest at or below it
/// (<see cref="RealtimeOptions.ResumeOverlap"/>), which the page skips if it has them: nodes commit and publish
/// independently, so a page can get a message before an older one that was still on its way. Then the changes of the
/// messages it shows after the newest change it applied, with the same overlap (the page keeps the newer version).
/// Past the resume limit, one reload notice instead.
/// </summary>
public sealed class MissedMessages(IServiceScopeFactory scopes, ChatFrames frames, CatchUpFloor floor, RealtimeOptions options)
{
    public async Task<IReadOnlyList<SocketFrame>> AfterAsync(int roomId, long newestShown, long? changesSeen, CancellationToken cancellationToken)
    {
        var afterId = floor.From(newestShown);
        IReadOnlyList<MessageView> missed, overlap = [];
        IReadOnlyList<MessageChange> changes = [];
        IReadOnlyDictionary<long, MessageView> changed = new Dictionary<long, MessageView>();
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
            if (changesSeen is { } seen)
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var after = await db.ChangesAfterAsync(roomId, seen, options.ResumeLimit, cancellationToken);
                if (after.Count > options.ResumeLimit)
                    return [await frames.ReloadAsync(roomId)];
                var before = seen > 0 && options.ResumeOverlap > 0 ? await db.ChangesUpToAsync(roomId, seen, options.ResumeOverlap, cancellationToken) : [];
                // One frame per message, its newest change; a message the replay sends is sent as it is now already.
                var replayed = missed.Select(m => m.Id).ToHashSet();
                changes = before.Concat(after).Where(c => !replayed.Contains(c.MessageId))
                    .GroupBy(c => c.MessageId).Select(g => g.MaxBy(c => c.Id)!).OrderBy(c => c.Id).ToList();
                changed = (await history.ManyAsync(changes.Select(c => c.MessageId).ToList(), cancellationToken)).ToDictionary(m => m.Id);
            }
        }
        var replay = new List<SocketFrame>(overlap.Count + missed.Count + changes.Count);
        foreach (var message in overlap.Concat(missed))
            replay.Add(await frames.MessageAsync(roomId, message));
        foreach (var change in changes)
            replay.Add(await frames.MessageChangedAsync(change, changed.GetValueOrDefault(change.MessageId)));
        return replay;
    }
}
