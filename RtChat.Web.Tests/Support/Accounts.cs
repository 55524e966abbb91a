using System.Net;

namespace RtChat.Web.Tests.Support;

/// <summary>A user made up for one test: unique within the run, so tests sharing a fixture never collide.</summary>
public sealed record TestUser(string Username, string Email, string Password)
{
    private static int _counter;

    public const string DefaultPassword = "correct-horse-9";

    /// <summary>A fresh valid username (3–20 of a-z0-9_-), email and password; <paramref name="prefix"/> ≤ 11 chars.</summary>
    public static TestUser Create(string prefix = "user")
    {
        var suffix = $"{Interlocked.Increment(ref _counter)}{Guid.NewGuid():N}"[..8];
        var username = $"{prefix}_{suffix}";
        return new TestUser(username, $"{username}@example.test", DefaultPassword);
    }
}

/// <summary>The account steps most tests go through, done over HTTP the way the forms do them.</summary>
public static class AccountSteps
{
    public const string RegisterPath = "/Identity/Account/Register";
    public const string LoginPath = "/Identity/Account/Login";

    public static async Task<HttpResponseMessage> PostRegisterAsync(this WebSession web, string email, string username, string password)
    {
        var form = await web.GetPageAsync(RegisterPath);
        return await web.SubmitAsync(form, fields: new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Username"] = username,
            ["Input.Password"] = password,
        });
    }

    /// <summary>Registers <paramref name="user"/> (which signs them in) and returns the page it lands on.</summary>
    public static async Task<HtmlPage> RegisterAsync(this WebSession web, TestUser user)
    {
        var response = await web.PostRegisterAsync(user.Email, user.Username, user.Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await HtmlPage.ParseAsync(response);
            throw new InvalidOperationException(
                $"Registering {user.Username} failed with {response.StatusCode}: {string.Join(" | ", page.SummaryErrors)} {page.Document.QuerySelector(".field-validation-error")?.TextContent}");
        }
        return await web.FollowAsync(response);
    }

    /// <summary>A new session in which a new user (named from <paramref name="prefix"/>) has registered and is signed in.</summary>
    public static async Task<(WebSession Web, TestUser User)> SignedUpAsync(this RtChatApp app, string prefix)
    {
        var web = app.NewSession();
        var user = TestUser.Create(prefix);
        await web.RegisterAsync(user);
        return (web, user);
    }

    /// <summary>Posts the login form (from <paramref name="loginPath"/>, which may carry a ReturnUrl); does not follow.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(this WebSession web, string login, string password, string loginPath = LoginPath)
    {
        var form = await web.GetPageAsync(loginPath);
        return await web.SubmitAsync(form, fields: new Dictionary<string, string?>
        {
            ["Input.Login"] = login,
            ["Input.Password"] = password,
        });
    }

    /// <summary>Logs out with the header's menu form (a POST), and returns the page it lands on.</summary>
    public static async Task<HtmlPage> LogoutAsync(this WebSession web)
    {
        var home = await web.GetPageAsync("/");
        return await web.SubmitAndFollowAsync(home, "header form[action*='Logout']");
    }

    /// <summary>The response sends a signed-out visitor (or an ended session) to the login page.</summary>
    public static void AssertRedirectsToLogin(HttpResponseMessage response)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo(LoginPath));
        }
    }
}
