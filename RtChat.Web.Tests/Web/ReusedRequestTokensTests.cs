using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Web;

/// <summary>A browser's request token is made once for its antiforgery cookie and user, and works like a new one.</summary>
public sealed class ReusedRequestTokensTests : AppFixture
{
    private const string TokenField = "__RequestVerificationToken";

    private static string Token(HtmlPage page) =>
        page.Document.QuerySelector($"input[name='{TokenField}']")!.GetAttribute("value")!;

    private static async Task<HttpResponseMessage> LogOutWithAsync(WebSession web, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/Logout")
        {
            Content = new FormUrlEncodedContent([new(TokenField, token)]),
        };
        return await web.SendAsync(request);
    }

    [Test]
    public async Task Pages_after_the_cookie_is_set_carry_the_same_token_and_it_still_posts()
    {
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());
        await web.GetPageAsync("/");

        var second = await web.GetPageAsync("/");
        var third = await web.GetPageAsync("/");
        using var loggedOut = await LogOutWithAsync(web, Token(third));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Token(third), Is.EqualTo(Token(second)));
            Assert.That(third.Response.Headers.CacheControl?.NoStore, Is.True, "a page with a token is not for caches to keep");
            Assert.That(loggedOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(web.IsSignedIn, Is.False);
        }
    }

    [Test]
    public async Task Another_user_in_the_same_browser_gets_a_token_of_their_own()
    {
        using var web = App.NewSession();
        await web.RegisterAsync(TestUser.Create());
        await web.GetPageAsync("/");
        var first = Token(await web.GetPageAsync("/"));
        await web.LogoutAsync();

        await web.RegisterAsync(TestUser.Create());
        await web.GetPageAsync("/");
        var second = Token(await web.GetPageAsync("/"));
        using var refused = await LogOutWithAsync(web, first);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.Not.EqualTo(first));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the first user's token is not the second's");
            Assert.That(web.IsSignedIn, Is.True);
        }
    }

    private static Cookie AntiforgeryCookie(WebSession web) =>
        web.Cookies.GetCookies(web.BaseAddress).Single(c => c.Name.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));

    [Test]
    public async Task A_browser_whose_antiforgery_cookie_is_not_valid_gets_a_new_one_each_time()
    {
        using var web = App.NewSession();
        await web.GetPageAsync(AccountSteps.LoginPath);

        AntiforgeryCookie(web).Value = "not-a-token";
        using var first = await web.GetAsync(AccountSteps.LoginPath);
        AntiforgeryCookie(web).Value = "not-a-token";
        using var second = await web.GetAsync(AccountSteps.LoginPath);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(WebSession.SetsCookie(first, AntiforgeryCookie(web).Name), Is.True);
            Assert.That(WebSession.SetsCookie(second, AntiforgeryCookie(web).Name), Is.True, "a token made for a cookie that was not valid is not kept");
        }
    }
}
