using RtChat.Web.Components;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Realtime;

/// <summary>The frames sockets receive, each rendered from its component once.</summary>
public sealed class ChatFrames(FragmentRenderer renderer)
{
    public async Task<RoomFrame> MessageAsync(string room, MessageView message) =>
        new(room, await renderer.RenderAsync<MessageAppend>(new Dictionary<string, object?> { [nameof(MessageAppend.Message)] = message }), message.Id);

    public async Task<RoomFrame> PresenceAsync(string room, IReadOnlyCollection<string> online) =>
        new(room, await renderer.RenderAsync<RoomPresence>(new Dictionary<string, object?> { [nameof(RoomPresence.Online)] = online }));

    public async Task<RoomFrame> OnlineTotalAsync(int count) =>
        new(null, await renderer.RenderAsync<OnlineTotal>(new Dictionary<string, object?>
        {
            [nameof(OnlineTotal.Count)] = count,
            [nameof(OnlineTotal.Oob)] = true,
        }));

    public async Task<RoomFrame> ReloadAsync(string room) =>
        new(room, await renderer.RenderAsync<ReloadNotice>(new Dictionary<string, object?>()));
}
