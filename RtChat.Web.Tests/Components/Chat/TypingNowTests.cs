using Bunit;
using RtChat.Web.Components.Chat;
using RtChat.Web.Data;

namespace RtChat.Web.Tests.Components.Chat;

public sealed class TypingNowTests : ComponentTest
{
    private static UserCard Card(string id, string name) => new(id, name, "/a.svg", null, false, false);

    [Test]
    public void Lists_each_typer_by_id_with_the_name_hidden_for_the_pages_sentence()
    {
        var cut = Context.Render<TypingNow>(p => p.Add(x => x.Typers, [Card("u1", "Alice"), Card("u2", "Bob")]).Add(x => x.Oob, true));

        var line = cut.Find("#typing");
        var typers = line.QuerySelectorAll("span[data-user-id]");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(line.GetAttribute("hx-swap-oob"), Is.EqualTo("innerHTML"), "the line and its live region stay");
            Assert.That(line.GetAttribute("aria-live"), Is.EqualTo("polite"));
            Assert.That(typers.Select(t => (t.GetAttribute("data-user-id"), t.TextContent)), Is.EqualTo(new[] { ("u1", "Alice"), ("u2", "Bob") }));
            Assert.That(typers.All(t => t.HasAttribute("hidden")));
        }
    }

    [Test]
    public void A_name_is_text_never_markup()
    {
        var cut = Context.Render<TypingNow>(p => p.Add(x => x.Typers, [Card("u1", "<img src=x onerror=alert(1)>")]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cut.FindAll("img"), Is.Empty);
            Assert.That(cut.Find("span[data-user-id]").TextContent, Is.EqualTo("<img src=x onerror=alert(1)>"));
        }
    }

    [Test]
    public void Nobody_typing_is_an_empty_line_on_the_page()
    {
        var cut = Context.Render<TypingNow>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cut.Find("#typing").HasAttribute("hx-swap-oob"), Is.False);
            Assert.That(cut.Find("#typing").ChildElementCount, Is.Zero);
        }
    }
}
