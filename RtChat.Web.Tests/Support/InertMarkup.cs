using AngleSharp.Dom;

namespace RtChat.Web.Tests.Support;

/// <summary>
/// Checks that what a user typed stays text: it makes no element nor attribute, and no attribute the browser, htmx or
/// _hyperscript acts on carries it. Every payload names <see cref="Marker"/> in what it would run.
/// </summary>
public static class InertMarkup
{
    public const string Marker = "pwn";

    /// <summary>Markup that would act if a page put it in as markup, each short enough for a display name (20).</summary>
    public static readonly string[] ShortPayloads =
    [
        "<svg onload=pwn>",
        "<img onerror=pwn>",
        "<b hx-get=/pwn>",
        "<b hx-on:click=pwn>",
        "<b _=\"on load pwn\">",
        "\"><b hx-get=/pwn>",
        "'+pwn()+'",
    ];

    /// <summary>Longer markup, for fields that take it (a profile's info).</summary>
    public const string LongPayload =
        "<script>pwn()</script> <div hx-get=\"/pwn\" hx-trigger=\"load\">x</div> <div hx-swap-oob=\"true\" id=\"composer\">pwn</div> "
        + "<p hx-on::load=\"pwn()\" _=\"init pwn()\">x</p>";

    /// <summary>
    /// Fails unless <paramref name="hostile"/> (what shows a user's hostile text) has the shape of <paramref name="plain"/>
    /// (the same for plain text): the same elements with the same attribute names, and no acting attribute carries the marker.
    /// </summary>
    public static void AssertInert(IElement hostile, IElement plain, string where)
    {
        var acting = hostile.QuerySelectorAll("*").Prepend(hostile)
            .SelectMany(e => e.Attributes.Where(a => Acts(a.Name) && a.Value.Contains(Marker, StringComparison.Ordinal))
                .Select(a => $"<{e.LocalName} {a.Name}=\"{a.Value}\">"))
            .ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Shape(hostile), Is.EqualTo(Shape(plain)), $"{where}: the typed text makes no element or attribute");
            Assert.That(acting, Is.Empty, $"{where}: no attribute that runs carries the typed text");
        }
    }

    /// <summary>Every element's name and attribute names, in document order.</summary>
    private static IReadOnlyList<string> Shape(IElement root) =>
        root.QuerySelectorAll("*").Prepend(root)
            .Select(e => $"{e.LocalName}[{string.Join(' ', e.Attributes.Select(a => a.Name).Order(StringComparer.Ordinal))}]")
            .ToList();

    private static bool Acts(string attribute) =>
        attribute.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.StartsWith("hx-", StringComparison.OrdinalIgnoreCase)
        || attribute.StartsWith("data-hx-", StringComparison.OrdinalIgnoreCase) || attribute is "_" or "script" or "data-script"
        || attribute is "href" or "src" or "action" or "formaction";
}
