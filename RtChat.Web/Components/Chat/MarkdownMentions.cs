using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RtChat.Web.Components.Chat;

/// <summary>
/// The <c>@username</c> of mentioned users in a parsed Markdown body, made mention links: in plain text only (not in
/// code, nor inside another link). The name is written escaped, the link points at the user's profile.
/// </summary>
internal static class MarkdownMentions
{
    public sealed class MentionInline(string text, string userId) : LeafInline
    {
        public string Text { get; } = text;
        public string UserId { get; } = userId;
    }

    public sealed class Renderer : HtmlObjectRenderer<MentionInline>
    {
        protected override void Write(HtmlRenderer renderer, MentionInline mention) =>
            renderer.Write("<a class=\"mention\" data-user-id=\"").WriteEscape(mention.UserId)
                .Write("\" href=\"/u/").WriteEscape(mention.Text[1..].ToLowerInvariant()).Write("\">")
                .WriteEscape(mention.Text).Write("</a>");
    }

    public static void Mark(MarkdownDocument document, IReadOnlyDictionary<string, string> mentioned)
    {
        // Each leaf block's own inline root, and the inlines inside it (emphasis, links): Descendants skips the roots.
        var containers = document.Descendants<LeafBlock>().Where(b => b.Inline is not null)
            .SelectMany(b => b.Inline!.Descendants<ContainerInline>().Prepend(b.Inline!)).ToList();
        foreach (var container in containers)
        {
            if (container is LinkInline || InsideLink(container)) continue;
            MergeLiterals(container);
            foreach (var literal in container.OfType<LiteralInline>().ToList())
                Split(literal, mentioned);
        }
    }

    // Emphasis marks that matched nothing ("_" in a username) leave a name in several literals: one text, one literal.
    private static void MergeLiterals(ContainerInline container)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is not LiteralInline first || first.NextSibling is not LiteralInline) continue;
            var text = first.Content.ToString();
            while (first.NextSibling is LiteralInline next)
            {
                text += next.Content.ToString();
                next.Remove();
            }
            first.Content = new Markdig.Helpers.StringSlice(text);
        }
    }

    private static void Split(LiteralInline literal, IReadOnlyDictionary<string, string> mentioned)
    {
        var text = literal.Content.ToString();
        Inline last = literal;
        var at = 0;
        foreach (var (index, length, name) in Domain.Chat.Mentions.Tokens(text))
        {
            if (!mentioned.TryGetValue(name, out var userId)) continue;
            if (index > at) last = InsertAfter(last, new LiteralInline(text[at..index]));
            last = InsertAfter(last, new MentionInline(text.Substring(index, length), userId));
            at = index + length;
        }
        if (at == 0) return;
        if (at < text.Length) InsertAfter(last, new LiteralInline(text[at..]));
        literal.Remove();
    }

    private static Inline InsertAfter(Inline after, Inline inline)
    {
        after.InsertAfter(inline);
        return inline;
    }

    private static bool InsideLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
            if (parent is LinkInline) return true;
        return false;
    }
}
