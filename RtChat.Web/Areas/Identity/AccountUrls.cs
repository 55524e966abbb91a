namespace RtChat.Web.Areas.Identity;

/// <summary>
/// The account pages every page's header and banner point to, written out: generating them took a route lookup on
/// each page view. <c>AccountUrlsTests</c> checks them against the generated ones.
/// </summary>
public static class AccountUrls
{
    public const string Login = "/Identity/Account/Login";
    public const string Register = "/Identity/Account/Register";
    public const string Logout = "/Identity/Account/Logout";

    public static string ResendEmailConfirmation(string returnUrl) =>
        $"/Identity/Account/ResendEmailConfirmation?returnUrl={Uri.EscapeDataString(returnUrl)}";
}
