namespace RtChat.Web.Web;

/// <summary>The page's one socket: a room page names its room in ViewData under <see cref="Key"/>; other pages get the site's.</summary>
public static class SocketRoom
{
    public const string Key = "SocketRoom";
}
