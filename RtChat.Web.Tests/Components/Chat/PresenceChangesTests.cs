using Bunit;
using RtChat.Web.Components.Chat;

namespace RtChat.Web.Tests.Components.Chat;

public sealed class PresenceChangesTests : ComponentTest
{
    private const string Alice = "11111111-2222-4333-8444-555555555555";
    private const string Bob = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

    private IRenderedComponent<PresenceChanges> Render(int count, string[] cameOnline, string[] wentOffline) =>
        Context.Render<PresenceChanges>(p => p
            .Add(x => x.Count, count)
            .Add(x => x.CameOnline, cameOnline)
            .Add(x => x.WentOffline, wentOffline));

    [Test]
    public void Appends_one_rule_per_changed_user_to_the_room_style_and_swaps_the_count()
    {
        var cut = Render(1, [Alice], [Bob]);

        var appended = cut.Find("div[hx-swap-oob]");
        var rules = appended.QuerySelectorAll("style").ToDictionary(s => s.GetAttribute("data-presence-user")!, s => s.TextContent);
        Assert.Multiple(() =>
        {
            Assert.That(cut.Find("#online-count").GetAttribute("hx-swap-oob"), Is.EqualTo("true"));
            Assert.That(cut.Find("#online-count").GetAttribute("data-count"), Is.EqualTo("1"));
            Assert.That(appended.GetAttribute("hx-swap-oob"), Is.EqualTo("beforeend:#presence-style"));
            Assert.That(rules.Keys, Is.EquivalentTo(new[] { Alice, Bob }));
            Assert.That(rules[Alice], Is.EqualTo($".presence-u-{Alice}{{background-color:var(--presence-online,#22c55e)}}"));
            Assert.That(rules[Bob], Is.EqualTo($".presence-u-{Bob}{{background-color:revert-layer}}"), "back to the stylesheet's grey");
        });
    }

    [Test]
    public void Never_replaces_the_whole_list()
    {
        var cut = Render(2, [Alice], []);

        Assert.That(cut.FindAll("#presence-style"), Is.Empty, "a change must not wipe the rules of users who did not change");
    }

    [TestCase("x{}body{display:none}")]
    [TestCase("\"><script>alert(1)</script>")]
    public void An_id_that_does_not_look_like_an_identity_id_cannot_inject_css_or_markup(string hostile)
    {
        var cut = Render(1, [hostile], [hostile]);

        var styles = cut.FindAll("style");
        Assert.Multiple(() =>
        {
            Assert.That(styles.Select(s => s.TextContent), Has.All.StartWith(".presence-u-invalid{"));
            Assert.That(styles.Select(s => s.GetAttribute("data-presence-user")), Has.All.EqualTo(hostile), "kept as an attribute value");
            Assert.That(cut.FindAll("script"), Is.Empty);
        });
    }
}
