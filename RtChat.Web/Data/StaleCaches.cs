namespace RtChat.Web.Data;

/// <summary>What a committed save made stale in the page caches: users' cards, rooms' cards, rooms' newest pages (or all of them).</summary>
public sealed record StaleCaches(IReadOnlyCollection<string> Users, IReadOnlyCollection<string> Rooms, IReadOnlyCollection<int> RoomPages, bool AllPages)
{
    public bool IsEmpty => Users.Count == 0 && Rooms.Count == 0 && RoomPages.Count == 0 && !AllPages;
}

/// <summary>This node's page caches, forgetting together.</summary>
public sealed class PageCaches(UserCards users, RoomCards rooms, NewestPages pages)
{
    public void Forget(StaleCaches stale)
    {
        foreach (var user in stale.Users) users.Forget(user);
        foreach (var room in stale.Rooms) rooms.Forget(room);
        if (stale.AllPages) pages.ForgetAll();
        else
            foreach (var room in stale.RoomPages) pages.Forget(room);
    }

    public void ForgetAll()
    {
        users.ForgetAll();
        rooms.ForgetAll();
        pages.ForgetAll();
    }
}
