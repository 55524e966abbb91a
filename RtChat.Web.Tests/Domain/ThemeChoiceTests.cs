using RtChat.Web.Domain;

namespace RtChat.Web.Tests.Domain;

/// <summary>A user's theme, without HTTP: <see cref="Themes"/> and <see cref="AppUser.ChooseTheme"/>.</summary>
public sealed class ThemeChoiceTests
{
    [TestCase("System", Theme.System)]
    [TestCase("light", Theme.Light)]
    [TestCase("DARK", Theme.Dark)]
    public void A_theme_is_known_by_its_name_in_any_case(string name, Theme theme)
    {
        Assert.That(Themes.Parse(name), Is.EqualTo(theme));
    }

    [TestCase("2")]
    [TestCase("Purple")]
    [TestCase("")]
    [TestCase(null)]
    public void Numbers_and_other_names_are_not_themes(string? name)
    {
        Assert.That(() => Themes.Parse(name), Throws.TypeOf<DomainRuleException>().With.Message.EqualTo(Themes.Invalid));
    }

    [Test]
    public void A_new_user_follows_the_system_and_keeps_the_theme_chosen()
    {
        var user = new AppUser("alice_1", "alice@example.test");
        var before = user.Theme;

        user.ChooseTheme(Theme.Dark);

        Assert.That((before, user.Theme), Is.EqualTo((Theme.System, Theme.Dark)));
    }

    [Test]
    public void A_value_outside_the_themes_is_refused()
    {
        var user = new AppUser("alice_1", "alice@example.test");

        Assert.That(() => user.ChooseTheme((Theme)7), Throws.TypeOf<DomainRuleException>());
        Assert.That(user.Theme, Is.EqualTo(Theme.System));
    }

    [Test]
    public void Only_a_chosen_light_or_dark_theme_marks_the_page()
    {
        Assert.That(Enum.GetValues<Theme>().Select(t => t.RootClass()), Is.EqualTo(new[] { null, "light", "dark" }));
    }
}
