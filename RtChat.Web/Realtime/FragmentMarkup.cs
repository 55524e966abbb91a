using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Realtime;

/// <summary>
/// Components' markup, rendered once and reused by every page that shows it. A fragment depends on its parameters alone
/// (the same for every viewer, which is what lets sockets share them), so they are the key: a message's view for
/// messages (a profile edit makes new views, so nothing needs invalidating), the parameter values for the others, which
/// must be plain values or lists of strings. Bounded: past the limit the least recently used go.
/// </summary>
public sealed class FragmentMarkup(FragmentRenderer renderer) : IDisposable
{
    /// <summary>Characters of markup kept (a message is about 1,000).</summary>
    public const int Limit = 8_000_000;

    private readonly MemoryCache _rendered = new(new MemoryCacheOptions { SizeLimit = Limit });

    // A room's newest page is one list, shown by every visit until a message changes it (then it is a new list), so
    // its articles are joined once: for as long as the list lives, and no longer.
    private readonly ConditionalWeakTable<IReadOnlyList<MessageView>, IHtmlContent> _joined = new();

    public async Task<IHtmlContent> RenderAsync(Type component, IDictionary<string, object?> parameters)
    {
        var key = Key(component, parameters);
        return new HtmlString(_rendered.TryGetValue(key, out string? html) ? html : Keep(key, await renderer.RenderAsync(component, parameters)));
    }

    /// <summary>
    /// The messages' articles, in the order given; those not kept yet are rendered together. A list is read once and
    /// never changed (<see cref="Data.ChatHistory"/>): the same list gives the same markup.
    /// </summary>
    public async Task<IHtmlContent> MessagesAsync(IReadOnlyList<MessageView> messages)
    {
        if (_joined.TryGetValue(messages, out var joined)) return joined;
        var html = new string?[messages.Count];
        var missing = new List<int>();
        for (var i = 0; i < messages.Count; i++)
            if (!_rendered.TryGetValue(messages[i], out html[i]))
                missing.Add(i);
        if (missing.Count > 0)
        {
            var rendered = await renderer.RenderEachAsync<MessageItem>(missing.Select(i =>
                (IDictionary<string, object?>)new Dictionary<string, object?> { [nameof(MessageItem.Message)] = messages[i] }));
            for (var k = 0; k < missing.Count; k++)
                html[missing[k]] = Keep(messages[missing[k]], rendered[k]);
        }
        joined = new HtmlString(string.Concat(html));
        _joined.AddOrUpdate(messages, joined);
        return joined;
    }

    private string Keep(object key, string html) => _rendered.Set(key, html, new MemoryCacheEntryOptions { Size = html.Length });

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
