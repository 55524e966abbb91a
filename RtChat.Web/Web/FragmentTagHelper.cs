using Microsoft.AspNetCore.Razor.TagHelpers;
using RtChat.Web.Realtime;

namespace RtChat.Web.Web;

/// <summary>
/// <c>&lt;fragment type="typeof(OnlineCount)" param-Count="…" /&gt;</c>: a component sockets also receive, on a page,
/// from <see cref="FragmentMarkup"/>. The component tag helper built a component renderer for every page that used one.
/// </summary>
[HtmlTargetElement("fragment", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FragmentTagHelper(FragmentMarkup markup) : TagHelper
{
    [HtmlAttributeName("type")]
    public Type Type { get; set; } = null!;

    [HtmlAttributeName(DictionaryAttributePrefix = "param-")]
    public IDictionary<string, object?> Parameters { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(await markup.RenderAsync(Type, Parameters));
    }
}
