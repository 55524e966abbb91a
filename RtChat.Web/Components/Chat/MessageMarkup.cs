using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;
using RtChat.Web.Realtime;

namespace RtChat.Web.Components.Chat;

/// <summary>
/// Each message's markup, rendered once and reused by every page that shows it. A message's fragment depends on its
/// view alone (the same for every viewer), so the view is the key: a profile edit makes new views and so new entries,
/// and nothing needs invalidating. Bounded: past the limit the least recently used go.
/// </summary>
public sealed class MessageMarkup(FragmentRenderer renderer) : IDisposable
{
    /// <summary>Messages whose markup is kept (about 2.5 KB each).</summary>
    public const int Limit = 5000;

    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1 };
    private readonly MemoryCache _rendered = new(new MemoryCacheOptions { SizeLimit = Limit });

    /// <summary>The messages' articles, in the order given.</summary>
    public async Task<IHtmlContent> ListAsync(IReadOnlyList<MessageView> messages)
    {
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
                html[missing[k]] = _rendered.Set(messages[missing[k]], rendered[k], Entry);
        }
        var list = new HtmlContentBuilder(messages.Count);
        foreach (var article in html)
            list.AppendHtml(article);
        return list;
    }

    public void Dispose() => _rendered.Dispose();
}
