namespace RtChat.Web.Realtime;

/// <summary>
/// Tells open pages, through the backplane (so every node's), about a committed change of who is in a room: the pages
/// of people who may no longer read it close, saying why, and the chat lists of everyone concerned load again.
/// </summary>
public sealed class RoomEvents(ChatFrames frames, IBackplane backplane)
{
    public const string Removed = "The admin removed you from this group.";
    public const string Left = "You left this group.";
    public const string Deleted = "This group was deleted.";

    public async Task ChatListsChangedAsync(IReadOnlyCollection<string> userIds) =>
        await backplane.PublishAsync(await frames.ChatListChangedAsync(userIds));

    /// <summary><paramref name="userId"/> may no longer read the room (removed, or left from another tab).</summary>
    public async Task AccessEndedAsync(int roomId, string userId, string reason)
    {
        await backplane.PublishAsync(await frames.AccessEndedAsync(Audience.Room(roomId, [userId]), reason, sendHome: false));
        await ChatListsChangedAsync([userId]);
    }

    public async Task RoomDeletedAsync(int roomId, IReadOnlyCollection<string> memberIds)
    {
        await backplane.PublishAsync(await frames.AccessEndedAsync(Audience.Room(roomId), Deleted, sendHome: true));
        await ChatListsChangedAsync(memberIds);
    }
}
