using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace RtChat.Web.Realtime;

/// <summary>Renders a Razor component to UTF-8 bytes once, outside any request, for every socket to share.</summary>
public sealed class FragmentRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<byte[]> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent =>
        Encoding.UTF8.GetBytes(await RenderAsync(typeof(TComponent), parameters));

    /// <summary>The component (<paramref name="component"/> is a component type) as an HTML string.</summary>
    public async Task<string> RenderAsync(Type component, IDictionary<string, object?> parameters) =>
        (await RenderEachAsync(component, [parameters]))[0];

    /// <summary>The component once per parameter set, as HTML strings, with one renderer for them all.</summary>
    public Task<IReadOnlyList<string>> RenderEachAsync<TComponent>(IEnumerable<IDictionary<string, object?>> parameterSets)
        where TComponent : IComponent =>
        RenderEachAsync(typeof(TComponent), parameterSets);

    private async Task<IReadOnlyList<string>> RenderEachAsync(Type component, IEnumerable<IDictionary<string, object?>> parameterSets)
    {
        // A renderer keeps every root it rendered, so each call gets its own short-lived one, in a scope of its own: the
        // renderer resolves scoped services (its activity source), which the root provider must not hand out.
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var html = new List<string>();
            foreach (var parameters in parameterSets)
                html.Add((await renderer.RenderComponentAsync(component, ParameterView.FromDictionary(parameters))).ToHtmlString());
            return html;
        });
    }
}
