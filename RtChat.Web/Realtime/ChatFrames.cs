using RtChat.Web.Components;
using RtChat.Web.Components.Chat;
using RtChat.Web.Components.ChatList;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Realtime;

/// <summary>The frames sockets receive, each rendered from its component once.</summary>
public sealed class ChatFrames(FragmentRenderer renderer)
{
    public async Task<SocketFrame> MessageAsync(int roomId, MessageView message) =>
        new(Audience.Room(roomId), await renderer.RenderAsync<MessageAppend>(new Dictionary<string, object?> { [nameof(MessageAppend.Message)] = message }), message.Id);

    /// <summary>A sent message as it is now (none: gone for good), for the room's open pages to show instead.</summary>
    public async Task<SocketFrame> MessageChangedAsync(MessageChange change, MessageView? now) =>
        new(Audience.Room(change.RoomId), await renderer.RenderAsync<MessageChanged>(new Dictionary<string, object?>
        {
            [nameof(MessageChanged.ChangeId)] = change.Id,
            [nameof(MessageChanged.MessageId)] = change.MessageId,
            [nameof(MessageChanged.Message)] = now,
        }), ChangeId: change.Id);

    /// <summary>Deleted messages, for the room's open pages to drop.</summary>
    public async Task<SocketFrame> MessagesRemovedAsync(int roomId, IReadOnlyCollection<long> ids) =>
        new(Audience.Room(roomId), await renderer.RenderAsync<MessageRemoval>(new Dictionary<string, object?> { [nameof(MessageRemoval.Ids)] = ids }));

    /// <summary>The whole online list, for a socket that just opened: it replaces what the page showed.</summary>
    public async Task<SocketFrame> PresenceSnapshotAsync(int roomId, IReadOnlyCollection<string> online) =>
        new(Audience.Room(roomId), await renderer.RenderAsync<RoomPresence>(new Dictionary<string, object?> { [nameof(RoomPresence.Online)] = online }));

    public async Task<SocketFrame> PresenceChangesAsync(int roomId, int count, IReadOnlyCollection<string> cameOnline,
        IReadOnlyCollection<string> wentOffline) =>
        new(Audience.Room(roomId), await renderer.RenderAsync<PresenceChanges>(new Dictionary<string, object?>
        {
            [nameof(PresenceChanges.Count)] = count,
            [nameof(PresenceChanges.CameOnline)] = cameOnline,
            [nameof(PresenceChanges.WentOffline)] = wentOffline,
        }));

    /// <summary>Who is typing in the room now (nobody: the line empties).</summary>
    public async Task<SocketFrame> TypingAsync(int roomId, IReadOnlyCollection<UserCard> typers) =>
        new(Audience.Room(roomId), await renderer.RenderAsync<TypingNow>(new Dictionary<string, object?>
        {
            [nameof(TypingNow.Typers)] = typers,
            [nameof(TypingNow.Oob)] = true,
        }));

    /// <summary>For one socket as it opens: its reader's read mark in the room.</summary>
    public async Task<SocketFrame> ReadMarkAtOpenAsync(int roomId, long upTo) =>
        new(Audience.Room(roomId), await renderer.RenderAsync<ReadMarkAtOpen>(new Dictionary<string, object?> { [nameof(ReadMarkAtOpen.UpTo)] = upTo }));

    public async Task<SocketFrame> OnlineTotalAsync(int count) =>
        new(Audience.Everyone, await renderer.RenderAsync<OnlineTotal>(new Dictionary<string, object?>
        {
            [nameof(OnlineTotal.Count)] = count,
            [nameof(OnlineTotal.Oob)] = true,
        }));

    public async Task<SocketFrame> ReloadAsync(int roomId) =>
        new(Audience.Room(roomId), await renderer.RenderAsync<ReloadNotice>(new Dictionary<string, object?>()));

    /// <summary>A room's new messages (in id order) for the chat lists of the pages that do not show the room.</summary>
    public async Task<SocketFrame> ActivityAsync(Audience listers, int roomId, IReadOnlyList<MessageView> messages) =>
        new(listers.Except(roomId), await renderer.RenderAsync<ChatActivity>(new Dictionary<string, object?>
        {
            [nameof(ChatActivity.RoomId)] = roomId,
            [nameof(ChatActivity.Messages)] = messages,
        }));

    /// <summary>The reader has read the room: their pages' chat lists clear its badge.</summary>
    public async Task<SocketFrame> ReadAsync(int roomId, string userId) =>
        new(Audience.Users(userId), await renderer.RenderAsync<ChatActivity>(new Dictionary<string, object?>
        {
            [nameof(ChatActivity.RoomId)] = roomId,
            [nameof(ChatActivity.Read)] = true,
        }));

    /// <summary>Whether someone is on the room's page, for the chat lists that show the room.</summary>
    public async Task<SocketFrame> RoomDotAsync(Audience listers, int roomId, IReadOnlyCollection<string> online) =>
        new(listers, await renderer.RenderAsync<RoomDot>(new Dictionary<string, object?>
        {
            [nameof(RoomDot.RoomId)] = roomId,
            [nameof(RoomDot.Online)] = online,
            [nameof(RoomDot.Oob)] = true,
        }));

    /// <summary>These users' chat lists load again: a chat came or went.</summary>
    public async Task<SocketFrame> ChatListChangedAsync(IReadOnlyCollection<string> userIds) =>
        new(Audience.Users(userIds), await renderer.RenderAsync<ChatActivity>(new Dictionary<string, object?>
        {
            [nameof(ChatActivity.ListChanged)] = true,
        }));

    /// <summary>The last frame of <paramref name="to"/>'s sockets on a room's page, saying why their access ended.</summary>
    public async Task<SocketFrame> AccessEndedAsync(Audience to, string reason, bool sendHome) =>
        new(to, await renderer.RenderAsync<AccessEnded>(new Dictionary<string, object?>
        {
            [nameof(AccessEnded.Reason)] = reason,
            [nameof(AccessEnded.SendHome)] = sendHome,
        }), EndsSocket: true);

    /// <summary>The last frame of a user's pages whose session ended (all but those opened with <paramref name="keptStamp"/>).</summary>
    public async Task<SocketFrame> SessionEndedAsync(string userId, string? keptStamp, string reason) =>
        new(Audience.Users(userId) with { SparedStamp = keptStamp }, await SessionEndedNoticeAsync(reason), EndsSocket: true);

    public async Task<ReadOnlyMemory<byte>> SessionEndedNoticeAsync(string reason) =>
        await renderer.RenderAsync<SessionEnded>(new Dictionary<string, object?> { [nameof(SessionEnded.Reason)] = reason });
}
