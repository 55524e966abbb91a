using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Profile;

/// <summary>The header's theme switch: kept on the user, written on every page's root element.</summary>
public sealed class ThemeTests : AppFixture
{
    private const string Switch = "#theme-switch";

    private static string? RootClass(HtmlPage page) => page.Document.DocumentElement.GetAttribute("class");

    private static string? Pressed(HtmlPage page) =>
        page.Document.QuerySelector($"{Switch} button[aria-pressed=true]")?.GetAttribute("value");

    /// <summary>A new user's session, on <paramref name="path"/>.</summary>
    private async Task<(WebSession Web, HtmlPage Page)> SignedUpOnAsync(string path)
    {
        var (web, _) = await App.SignedUpAsync("theme");
        return (web, await web.GetPageAsync(path));
    }

    /// <summary>Presses <paramref name="theme"/> in the switch on <paramref name="page"/> (<paramref name="fields"/> over the form's), then opens a page.</summary>
    private static async Task<(HttpResponseMessage Answer, HtmlPage Next)> ChooseAsync(
        WebSession web, HtmlPage page, string? theme, Dictionary<string, string?>? fields = null, bool htmx = false)
    {
        var answer = await web.SubmitAsync(page, Switch, fields, htmx, theme is null ? null : $"button[value={theme}]");
        return (answer, await web.GetPageAsync("/profile"));
    }

    [Test]
    public async Task A_new_user_follows_the_system_theme()
    {
        var (web, page) = await SignedUpOnAsync("/profile");
        using var _w = web;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(RootClass(page), Is.Null, "no class: the CSS asks the system");
            Assert.That(Pressed(page), Is.EqualTo("System"));
        }
    }

    [Test]
    public async Task The_chosen_theme_is_saved_and_written_on_the_next_page()
    {
        var (web, page) = await SignedUpOnAsync("/profile");
        using var _w = web;

        var (chosen, next) = await ChooseAsync(web, page, "Dark");
        using var _c = chosen;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chosen.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(chosen.Headers.Location?.ToString(), Is.EqualTo("/profile"), "back to the page it was sent from");
            Assert.That(RootClass(next), Is.EqualTo("dark"));
            Assert.That(Pressed(next), Is.EqualTo("Dark"));
        }
    }

    [Test]
    public async Task With_htmx_the_switch_comes_back_and_the_page_is_told_the_theme()
    {
        var (web, page) = await SignedUpOnAsync("/");
        using var _w = web;

        var (chosen, next) = await ChooseAsync(web, page, "Light", htmx: true);
        using var _c = chosen;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chosen.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(chosen.Headers.GetValues("HX-Trigger").Single(), Does.Contain("rtchat:theme").And.Contain("light"));
            Assert.That(Pressed(await HtmlPage.ParseAsync(chosen)), Is.EqualTo("Light"), "the switch swapped in");
            Assert.That(RootClass(next), Is.EqualTo("light"));
        }
    }

    [Test]
    public async Task A_forged_token_is_refused_and_the_theme_kept()
    {
        var (web, page) = await SignedUpOnAsync("/profile");
        using var _w = web;

        var (forged, next) = await ChooseAsync(web, page, "Dark", new() { [RoomSteps.TokenField] = "forged" });
        using var _f = forged;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(RootClass(next), Is.Null);
        }
    }

    [TestCase("Purple")]
    [TestCase("2")]
    [TestCase("")]
    [TestCase("dark\" onload=\"x")]
    public async Task An_unknown_theme_is_refused_with_a_clear_error(string value)
    {
        var (web, page) = await SignedUpOnAsync("/profile");
        using var _w = web;

        var (refused, next) = await ChooseAsync(web, page, null, new() { ["Theme"] = value });
        using var _r = refused;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await refused.Content.ReadAsStringAsync(), Is.EqualTo("Choose a theme: System, Light or Dark."));
            Assert.That(RootClass(next), Is.Null);
        }
    }

    [Test]
    public async Task A_return_address_elsewhere_comes_back_home()
    {
        var (web, page) = await SignedUpOnAsync("/profile");
        using var _w = web;

        var (chosen, _) = await ChooseAsync(web, page, "Dark", new() { ["ReturnUrl"] = "https://evil.example/" });
        using var _c = chosen;

        Assert.That(chosen.Headers.Location?.ToString(), Is.EqualTo("/"));
    }

    [Test]
    public async Task A_signed_out_visitor_has_no_switch_and_follows_the_system()
    {
        using var web = App.NewSession();

        var page = await web.GetPageAsync(AccountSteps.LoginPath);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(RootClass(page), Is.Null);
            Assert.That(page.Document.QuerySelector(Switch), Is.Null);
        }
    }
}
