namespace RtChat.Web.Areas.Admin;

/// <summary>The admin area's addresses, in one place for its pages, the header link and the tests.</summary>
public static class AdminUrls
{
    public const string Dashboard = "/admin";
    public const string Users = "/admin/users";
    public const string Rooms = "/admin/rooms";
    public const string Messages = "/admin/messages";
    public const string Audit = "/admin/audit";

    public static string User(string id) => $"{Users}/{Uri.EscapeDataString(id)}";

    public static string Room(int id) => $"{Rooms}/{id}";
}
