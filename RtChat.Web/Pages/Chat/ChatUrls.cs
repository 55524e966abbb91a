using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Pages.Chat;

/// <summary>
/// A room's addresses. Written out rather than generated: the page also answers at <c>/</c>, and link
/// generation would send every room there.
/// </summary>
public static class ChatUrls
{
    public static string Room(string name) =>
        name == ChatRoom.PublicChatName ? "/" : $"/chat/room/{Uri.EscapeDataString(name)}";

    public static string Send(string name) => $"{Room(name)}?handler=Send";

    public static string Older(string name, long before) => $"{Room(name)}?handler=Older&before={before}";

    public static string Socket(string name) => $"/ws?room={Uri.EscapeDataString(name)}";
}
