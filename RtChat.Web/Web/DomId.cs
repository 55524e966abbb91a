namespace RtChat.Web.Web;

/// <summary>
/// Every swappable region's DOM id, in one place: pages, hx-target, out-of-band swaps and socket pushes
/// all name a region through here.
/// </summary>
public static class DomId
{
    public const string Messages = "messages";
    public const string OlderMessages = "older-messages";
    public const string MessageChanges = "message-changes";
    public const string Composer = "composer";
    public const string Attach = "attach";
    public const string OnlineCount = "online-count";
    public const string OnlineTotal = "online-total";
    public const string PresenceStyle = "presence-style";
    public const string ChatNotice = "chat-notice";
    public const string Typing = "typing";
    public const string ReadMark = "read-mark";
    public const string EmailSection = "email-section";

    public const string ChatList = "chat-list";
    public const string ChatListEvents = "chat-list-events";
    public const string RoomDots = "room-dots";
    public const string ChatUnreadTotal = "chat-unread-total";

    public static string Message(long id) => $"message-{id}";

    public static string ChatItem(int roomId) => $"chat-item-{roomId}";


}
