namespace RtChat.Web.Web;

public static class ReturnUrl
{
    /// <summary>The return URL if it stays on this site, else the home page (no open redirects).</summary>
    public static string LocalOrHome(this IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : url.Content("~/");
}
