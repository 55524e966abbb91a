namespace RtChat.Web.Web;

/// <summary>
/// The files that make the site an installable app (wwwroot: manifest.webmanifest, sw.js, offline.html, icons/). The
/// manifest and the worker keep fixed addresses, where browsers look for a new version, so they are never versioned
/// (?v=) and must not be cached: each visit asks again (a 304 when unchanged).
/// </summary>
public static class InstallableApp
{
    public const string ManifestPath = "/manifest.webmanifest";
    public const string ServiceWorkerPath = "/sw.js";
    public const string OfflinePagePath = "/offline.html";

    public static StaticFileOptions StaticFiles() => new()
    {
        OnPrepareResponse = static context =>
        {
            var path = context.Context.Request.Path;
            if (path.Equals(ManifestPath, StringComparison.Ordinal) || path.Equals(ServiceWorkerPath, StringComparison.Ordinal)
                || path.Equals(OfflinePagePath, StringComparison.Ordinal))
                context.Context.Response.Headers.CacheControl = "no-cache";
        },
    };
}
