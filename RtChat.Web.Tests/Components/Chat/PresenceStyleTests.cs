using System.Text.RegularExpressions;
using Bunit;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Tests.Components.Chat;

public sealed partial class PresenceStyleTests : ComponentTest
{
    private const string Alice = "11111111-2222-4333-8444-555555555555";
    private const string Bob = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    private const string Carol = "99999999-8888-4777-8666-555555555555";

    private IRenderedComponent<PresenceStyle> Render(IReadOnlyCollection<string> online, bool? oob = null)
    {
        return Context.Render<PresenceStyle>(p =>
        {
            p.Add(x => x.Online, online);
            if (oob is { } value) p.Add(x => x.Oob, value);
        });
    }

    private static string Css(IRenderedComponent<PresenceStyle> cut) => cut.Find("style").TextContent;

    private static IEnumerable<string> ClassesIn(string css) => PresenceClass().Matches(css).Select(m => m.Value);

    [Test]
    public void Lists_exactly_the_online_users_classes()
    {
        var css = Css(Render([Alice, Bob]));

        Assert.Multiple(() =>
        {
            Assert.That(ClassesIn(css), Is.EquivalentTo(new[] { $"presence-u-{Alice}", $"presence-u-{Bob}" }));
            Assert.That(css, Does.Not.Contain(Carol));
            Assert.That(css.Count(c => c == '{'), Is.EqualTo(1), "one rule");
            Assert.That(css, Does.EndWith("{background-color:var(--presence-online,#22c55e)}"));
        });
    }

    [Test]
    public void No_one_online_gives_an_empty_style()
    {
        var cut = Render([]);

        Assert.That(Css(cut), Is.Empty);
    }

    [Test]
    public void The_style_lives_in_a_hidden_region_with_its_own_id()
    {
        var region = Render([Alice]).Find("div");

        Assert.Multiple(() =>
        {
            Assert.That(region.Id, Is.EqualTo("presence-style"));
            Assert.That(region.HasAttribute("hidden"), Is.True);
        });
    }

    [TestCase("x{}body{display:none}")]
    [TestCase("a,body")]
    [TestCase("</style><script>alert(1)</script>")]
    [TestCase("a\\{")]
    public void An_id_that_does_not_look_like_an_identity_id_cannot_inject_css(string hostile)
    {
        var cut = Render([Alice, hostile]);

        var css = Css(cut);
        Assert.Multiple(() =>
        {
            Assert.That(ClassesIn(css), Is.EquivalentTo(new[] { $"presence-u-{Alice}", "presence-u-invalid" }));
            Assert.That(css, Does.Not.Contain("body").And.Not.Contain("script").And.Not.Contain("\\"));
            Assert.That(css.Count(c => c == '{'), Is.EqualTo(1));
            Assert.That(cut.FindAll("script"), Is.Empty);
        });
    }

    [Test]
    public void Out_of_band_when_asked()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Render([Alice], oob: true).Find("div").GetAttribute("hx-swap-oob"), Is.EqualTo("true"));
            Assert.That(Render([Alice], oob: false).Find("div").HasAttribute("hx-swap-oob"), Is.False);
            Assert.That(Render([Alice]).Find("div").HasAttribute("hx-swap-oob"), Is.False, "in place by default (the page renders it)");
        });
    }

    [GeneratedRegex(@"(?<=\.)presence-u-[^,{]+")]
    private static partial Regex PresenceClass();
}
