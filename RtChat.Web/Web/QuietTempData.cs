using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace RtChat.Web.Web;

/// <summary>
/// The framework's TempData cookie, which deleted itself on every page that looked for a flash and found none (a
/// Set-Cookie on each response): now only a cookie the browser sent is deleted.
/// </summary>
public sealed class QuietTempData(ITempDataProvider cookie, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookie.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(options.Value.Cookie.Name!)) return;
        cookie.SaveTempData(context, values);
    }
}
