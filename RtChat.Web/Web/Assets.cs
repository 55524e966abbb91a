using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace RtChat.Web.Web;

/// <summary>
/// Static files' addresses with their content hash appended (<c>?v=</c>), so browsers cache them until they change:
/// what <c>asp-append-version</c> does, without a tag helper for each file on every page.
/// </summary>
public sealed class Assets(IFileVersionProvider versions, IHttpContextAccessor http)
{
    /// <summary><paramref name="path"/> is from the web root, starting with a slash.</summary>
    public string Url(string path) => versions.AddFileVersionToPath(http.HttpContext?.Request.PathBase ?? PathString.Empty, path);
}
