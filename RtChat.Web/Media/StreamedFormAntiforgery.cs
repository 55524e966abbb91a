using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace RtChat.Web.Media;

/// <summary>The antiforgery check of a form <see cref="MultipartUpload"/> streams, made without reading the body again.</summary>
public static class StreamedFormAntiforgery
{
    /// <summary>
    /// Checks the antiforgery token for a handler marked <c>[IgnoreAntiforgeryToken]</c> (the automatic check would read
    /// the whole form first): the header's, or one sent as a form field among <paramref name="fields"/>.
    /// </summary>
    public static async Task<bool> IsValidAsync(HttpContext context, IReadOnlyDictionary<string, string> fields)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        var options = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        if (options.HeaderName is not { } header)
            return false;
        if (StringValues.IsNullOrEmpty(context.Request.Headers[header]))
        {
            // Without a token in the header the framework would read the form for one: the body this is streaming.
            if (fields.GetValueOrDefault(options.FormFieldName) is not { Length: > 0 } token)
                return false;
            context.Request.Headers[header] = token;
        }
        return await antiforgery.IsRequestValidAsync(context);
    }

    public static Task<bool> IsValidAsync(HttpContext context, UploadForm form) => IsValidAsync(context, form.Fields);

    /// <summary>
    /// What can be told before the body is touched: a token in the header is checked now; without one, only a multipart
    /// body (whose first field may carry it) is worth reading on.
    /// </summary>
    public static async Task<bool> RefusedUpFrontAsync(HttpContext context)
    {
        var header = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName;
        if (header is not null && !StringValues.IsNullOrEmpty(context.Request.Headers[header]))
            return !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
        return !(context.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) ?? false);
    }
}
