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

    public static string Upload(string name) => $"{Room(name)}?handler=Upload";

    /// <summary>The room opened at a message, with those around it (search results link here).</summary>
    public static string Around(string name, long messageId) => $"{Room(name)}?around={messageId}";

    public static string Older(string name, long before) => $"{Room(name)}?handler=Older&before={before}";

    /// <summary>The page's socket: a room's own, or the site's for every other page.</summary>
    public static string Socket(string? name) => name is null ? "/ws" : $"/ws?room={Uri.EscapeDataString(name)}";

    public const string New = "/chat/new";

    public const string List = "/chat/list";

    public static string Join(string inviteCode) => $"/chat/join/{Uri.EscapeDataString(inviteCode)}";

    public static string Edit(string name) => $"/chat/edit/{Uri.EscapeDataString(name)}";

    public static string Delete(string name) => $"/chat/delete/{Uri.EscapeDataString(name)}";

    public static string Leave(string name) => $"/chat/leave/{Uri.EscapeDataString(name)}";
}
