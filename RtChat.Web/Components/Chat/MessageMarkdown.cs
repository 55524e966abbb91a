using System.Buffers;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RtChat.Web.Components.Chat;

/// <summary>
/// A message body as the safe Markdown subset of a chat: bold, italic, code, code blocks, links, lists, quotes. No raw
/// HTML, headings, tables or images; links only to http, https and mailto, opening in a new tab. Depends on the body
/// alone, so an edited body is rendered again by the same call.
/// </summary>
public static class MessageMarkdown
{
    public const string LinkRel = "noopener noreferrer nofollow";

    // What could start Markdown anywhere in a line; list markers are checked at line starts. Without any of them a body
    // is plain text, and skips the parser.
    private static readonly SearchValues<char> Syntax = SearchValues.Create("*_`[]<>&\\~");

    /// <summary>Quotes and lists inside each other past this show as plain text.</summary>
    public const int MaxNesting = 16;

    private static readonly MarkdownPipeline Pipeline = Build();

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder().DisableHtml().DisableHeadings().UseAutoLinks().UseSoftlineBreakAsHardlineBreak();
        // Chat text is often pasted indented, and "---" is not a rule people mean to draw.
        builder.BlockParsers.TryRemove<IndentedCodeBlockParser>();
        builder.BlockParsers.TryRemove<ThematicBreakParser>();
        return builder.Build();
    }

    /// <summary>True when nothing in <paramref name="body"/> is Markdown: it shows as typed (bare web addresses linked).</summary>
    public static bool IsPlain(string body)
    {
        var text = body.AsSpan();
        if (text.ContainsAny(Syntax)
            || text.Contains("www.", StringComparison.OrdinalIgnoreCase)
            || text.Contains("mailto:", StringComparison.OrdinalIgnoreCase))
            return false;
        foreach (var line in text.EnumerateLines())
            if (ListMarker(line.TrimStart()) > 0)
                return false;
        return true;
    }

    /// <summary>The length of the list marker (<c>-</c>, <c>+</c>, <c>*</c>, <c>1.</c>, <c>1)</c>) <paramref name="line"/> starts with, or 0.</summary>
    private static int ListMarker(ReadOnlySpan<char> line)
    {
        if (line.Length > 0 && line[0] is '-' or '+' or '*') return 1;
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits])) digits++;
        return digits > 0 && digits < line.Length && line[digits] is '.' or ')' ? digits + 1 : 0;
    }

    /// <summary>Quotes and lists nested deeper than anyone writes: the parser would take a second over 10,000 of them.</summary>
    private static bool NestsTooDeep(string body)
    {
        foreach (var line in body.AsSpan().EnumerateLines())
        {
            var rest = line.TrimStart();
            for (var depth = 0; rest.Length > 0; depth++)
            {
                if (depth == MaxNesting) return true;
                var marker = rest[0] == '>' ? 1 : ListMarker(rest);
                if (marker == 0) break;
                rest = rest[marker..].TrimStart();
            }
        }
        return false;
    }

    /// <summary>
    /// The body's HTML when it has Markdown in it; null when it shows as plain text: no Markdown, or nested past the
    /// parser's depth limit.
    /// </summary>
    public static string? Format(string body) => IsPlain(body) || NestsTooDeep(body) ? null : ToHtml(body, NoMentions);

    /// <summary>As <see cref="Format(string)"/>, with each <c>@username</c> of a <paramref name="mentioned"/> user (id by username) a mention link.</summary>
    public static string? Format(string body, IReadOnlyDictionary<string, string> mentioned) =>
        IsPlain(body) || NestsTooDeep(body) ? null : ToHtml(body, mentioned);

    private static readonly IReadOnlyDictionary<string, string> NoMentions = new Dictionary<string, string>();

    private static string? ToHtml(string body, IReadOnlyDictionary<string, string> mentioned)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(body, Pipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }
        foreach (var code in document.Descendants<FencedCodeBlock>())
            code.SetAttributes(new HtmlAttributes()); // its language would become a class name the author chose
        if (mentioned.Count > 0) MarkdownMentions.Mark(document, mentioned);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = document is [ParagraphBlock] };
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkRenderer());
        renderer.ObjectRenderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkRenderer());
        renderer.ObjectRenderers.Insert(0, new MarkdownMentions.Renderer());
        try
        {
            renderer.Render(document);
        }
        catch (ArgumentException)
        {
            return null;
        }
        return writer.ToString().TrimEnd('\n');
    }

    /// <summary>An absolute http, https or mailto address, or null: anything else (javascript:, data:, relative) is no link.</summary>
    public static Uri? SafeLink(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" ? uri : null;

    private static void OpenLink(HtmlRenderer renderer, Uri link) =>
        renderer.Write("<a href=\"").WriteEscape(link.AbsoluteUri).Write("\" rel=\"" + LinkRel + "\" target=\"_blank\">");

    /// <summary>Links and images: an image is a link to it, never loaded; titles are dropped; other schemes show their text.</summary>
    private sealed class SafeLinkRenderer : HtmlObjectRenderer<LinkInline>
    {
        protected override void Write(HtmlRenderer renderer, LinkInline link)
        {
            var target = SafeLink(link.GetDynamicUrl?.Invoke() ?? link.Url);
            if (target is null || InsideLink(link))
            {
                renderer.WriteChildren(link);
                return;
            }
            OpenLink(renderer, target);
            if (link.FirstChild is null) renderer.WriteEscape(target.AbsoluteUri);
            else renderer.WriteChildren(link);
            renderer.Write("</a>");
        }

        private static bool InsideLink(Inline inline)
        {
            for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
                if (parent is LinkInline) return true;
            return false;
        }
    }

    /// <summary>CommonMark's <c>&lt;scheme:...&gt;</c>, which takes any scheme.</summary>
    private sealed class SafeAutolinkRenderer : HtmlObjectRenderer<AutolinkInline>
    {
        protected override void Write(HtmlRenderer renderer, AutolinkInline autolink)
        {
            var target = SafeLink(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url);
            if (target is null)
            {
                renderer.WriteEscape(autolink.Url);
                return;
            }
            OpenLink(renderer, target);
            renderer.WriteEscape(autolink.Url);
            renderer.Write("</a>");
        }
    }
}
