using Microsoft.Net.Http.Headers;

namespace RtChat.Web.Web;

/// <summary>Every htmx header the app reads or writes, in one place (our stand-in for Htmx.Net).</summary>
public static class Htmx
{
    public const string RequestHeader = "HX-Request";
    public const string AntiforgeryHeader = "RequestVerificationToken";

    public static bool IsHtmx(this HttpRequest request) =>
        request.Headers.TryGetValue(RequestHeader, out var value) && value == "true";

    /// <summary>Full-page navigation from an htmx request (a plain redirect would be swapped into the target).</summary>
    public static void HxRedirect(this HttpResponse response, string url) =>
        response.Headers["HX-Redirect"] = url;

    public static void HxRefresh(this HttpResponse response) =>
        response.Headers["HX-Refresh"] = "true";

    /// <summary>Pages answer differently to htmx and to plain requests, so caches must key on the header.</summary>
    public static IApplicationBuilder UseHtmxVary(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.Headers.Append(HeaderNames.Vary, RequestHeader);
            return next(context);
        });
}
