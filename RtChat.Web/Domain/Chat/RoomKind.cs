namespace RtChat.Web.Domain.Chat;

public enum RoomKind { Public = 0, Group = 1, Private = 2 }

public static class RoomKinds
{
    /// <summary>Everyone signed in reads the public room; other rooms are for their members.</summary>
    public static bool IsReadByEveryone(this RoomKind kind) => kind == RoomKind.Public;
}
