using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace RtChat.Web.Tests.Support;

/// <summary>Every POST the app's pages answer, read from the app itself: each routed page and its POST handlers.</summary>
public static partial class PostRoutes
{
    /// <summary>The URL of each page handler that takes a POST, its route's parameters filled with <paramref name="value"/>.</summary>
    public static async Task<IReadOnlyList<string>> AllAsync(RtChatApp app, string value = "x")
    {
        var pages = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .Where(page => page.AttributeRouteInfo?.Template is not null);
        var loader = app.Services.GetRequiredService<PageLoader>();
        var urls = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            // A parameter that must be a number gets one, so that its route is reached at all.
            var path = "/" + Parameter().Replace(page.AttributeRouteInfo!.Template!, p => p.Value.Contains(":int", StringComparison.Ordinal) || p.Value.Contains(":long", StringComparison.Ordinal) ? "1" : value);
            foreach (var handler in compiled.HandlerMethods.Where(h => HttpMethods.IsPost(h.HttpMethod)))
                urls.Add(handler.Name is null ? path : $"{path}?handler={handler.Name}");
        }
        return [.. urls];
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
