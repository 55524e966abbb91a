using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace RtChat.Web.Realtime;

/// <summary>
/// Components' markup by their parameters, rendered once and reused. Fragments depend on their parameters alone (the
/// same for every viewer, which is what lets sockets share them), so the parameters are the key; they must be plain
/// values or lists of strings. Bounded: past the limit the least recently used go.
/// </summary>
public sealed class FragmentMarkup(FragmentRenderer renderer) : IDisposable
{
    /// <summary>Distinct fragments kept.</summary>
    public const int Limit = 10_000;

    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1 };
    private readonly MemoryCache _rendered = new(new MemoryCacheOptions { SizeLimit = Limit });

    public async Task<IHtmlContent> RenderAsync(Type component, IDictionary<string, object?> parameters)
    {
        var key = Key(component, parameters);
        if (!_rendered.TryGetValue(key, out HtmlString? html))
            html = _rendered.Set(key, new HtmlString(await renderer.RenderAsync(component, parameters)), Entry);
        return html!;
    }

    private static string Key(Type component, IDictionary<string, object?> parameters)
    {
        var key = new StringBuilder(component.FullName);
        // In the order given: a call site gives them in one order, and another order only makes another entry.
        foreach (var (name, value) in parameters)
        {
            key.Append('\u001e').Append(name).Append('=');
            switch (value)
            {
                case null:
                    break;
                case string text:
                    key.Append('"').Append(text);
                    break;
                case IFormattable formattable:
                    key.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                    break;
                case bool flag:
                    key.Append(flag);
                    break;
                case IEnumerable<string> texts:
                    foreach (var text in texts) key.Append('\u001f').Append(text);
                    break;
                default:
                    throw new ArgumentException($"{component.Name}.{name}: a fragment's parameters are plain values or lists of strings, not {value.GetType().Name}.");
            }
        }
        return key.ToString();
    }

    public void Dispose() => _rendered.Dispose();
}
