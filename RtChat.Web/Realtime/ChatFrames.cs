using RtChat.Web.Components;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Realtime;

/// <summary>The frames sockets receive, each rendered from its component once.</summary>
public sealed class ChatFrames(FragmentRenderer renderer)
{
    public async Task<RoomFrame> MessageAsync(string room, MessageView message) =>
        new(room, await renderer.RenderAsync<MessageAppend>(new Dictionary<string, object?> { [nameof(MessageAppend.Message)] = message }), message.Id);

    /// <summary>The whole online list, for a socket that just opened: it replaces what the page showed.</summary>
    public async Task<RoomFrame> PresenceSnapshotAsync(string room, IReadOnlyCollection<string> online) =>
        new(room, await renderer.RenderAsync<RoomPresence>(new Dictionary<string, object?> { [nameof(RoomPresence.Online)] = online }));

    public async Task<RoomFrame> PresenceChangesAsync(string room, int count, IReadOnlyCollection<string> cameOnline,
        IReadOnlyCollection<string> wentOffline) =>
        new(room, await renderer.RenderAsync<PresenceChanges>(new Dictionary<string, object?>
        {
            [nameof(PresenceChanges.Count)] = count,
            [nameof(PresenceChanges.CameOnline)] = cameOnline,
            [nameof(PresenceChanges.WentOffline)] = wentOffline,
        }));

    public async Task<RoomFrame> OnlineTotalAsync(int count) =>
        new(null, await renderer.RenderAsync<OnlineTotal>(new Dictionary<string, object?>
        {
            [nameof(OnlineTotal.Count)] = count,
            [nameof(OnlineTotal.Oob)] = true,
        }));

    public async Task<RoomFrame> ReloadAsync(string room) =>
        new(room, await renderer.RenderAsync<ReloadNotice>(new Dictionary<string, object?>()));
}
