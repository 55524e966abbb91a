using System.Net;

namespace RtChat.Web.Tests.Support;

/// <summary>Requests as a reverse proxy in front of the app relays them: with the forwarded headers it adds.</summary>
public static class ProxySteps
{
    public const string ForwardedFor = "X-Forwarded-For";
    public const string ForwardedProto = "X-Forwarded-Proto";

    /// <summary>Failed log-ins one client address may post per minute in the proxy tests.</summary>
    public const int AccountFormLimit = 3;

    /// <summary>Settings with the account-form limit at <see cref="AccountFormLimit"/>, and <paramref name="more"/>.</summary>
    public static IReadOnlyDictionary<string, string?> LimitedSettings(params (string Key, string Value)[] more) =>
        more.Append((Key: "RateLimits:AccountFormsPerMinute", Value: AccountFormLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToDictionary(pair => pair.Key, pair => (string?)pair.Value);

    /// <summary>
    /// Posts a log-in with a wrong password (a form the per-address limit counts) with <paramref name="forwardedFor"/> as its
    /// <c>X-Forwarded-For</c>, and returns the status the app answers.
    /// </summary>
    public static async Task<HttpStatusCode> FailedLoginStatusAsync(this RtChatApp app, string forwardedFor)
    {
        using var web = app.NewSession();
        var form = await web.GetPageAsync(AccountSteps.LoginPath);
        var fields = WebSession.FieldsOf(form.Form());
        fields["Input.Login"] = TestUser.Create("nobody").Username;
        fields["Input.Password"] = "wrong-password";
        using var post = new HttpRequestMessage(HttpMethod.Post, AccountSteps.LoginPath) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add(ForwardedFor, forwardedFor);
        using var response = await web.SendAsync(post);
        return response.StatusCode;
    }

    /// <summary>The statuses of <paramref name="count"/> such log-ins, the i-th (from 0) sent as <paramref name="forwardedFor"/>(i).</summary>
    public static async Task<IReadOnlyList<HttpStatusCode>> FailedLoginStatusesAsync(this RtChatApp app, int count, Func<int, string> forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
            statuses.Add(await app.FailedLoginStatusAsync(forwardedFor(i)));
        return statuses;
    }
}
