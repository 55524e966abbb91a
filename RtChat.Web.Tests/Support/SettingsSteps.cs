using System.Net;

namespace RtChat.Web.Tests.Support;

/// <summary>The settings page's htmx steps, done the way its inline email form does them.</summary>
public static class SettingsSteps
{
    public const string SettingsPath = "/profile/settings";

    /// <summary>A named handler's fragment, fetched as htmx fetches it.</summary>
    public static async Task<HtmlPage> SettingsFragmentAsync(this WebSession web, string handler)
    {
        using var response = await web.GetAsync($"{SettingsPath}?handler={handler}", htmx: true);
        return await HtmlPage.ParseAsync(response);
    }

    /// <summary>
    /// Opens the inline email form (as htmx does) and posts <paramref name="newEmail"/> with it, and the current
    /// <paramref name="password"/> (null: the field left out).
    /// </summary>
    public static async Task<HttpResponseMessage> RequestEmailChangeAsync(
        this WebSession web, string newEmail, string? password = TestUser.DefaultPassword)
    {
        var form = await web.SettingsFragmentAsync("EmailForm");
        return await web.SubmitAsync(form, "#email-section form",
            new Dictionary<string, string?> { ["NewEmail"] = newEmail, ["CurrentPassword"] = password }, htmx: true);
    }

    public static async Task<bool> CanLogInAsync(this RtChatApp app, string login, string password)
    {
        using var web = app.NewSession();
        using var response = await web.PostLoginAsync(login, password);
        return response.StatusCode == HttpStatusCode.Redirect && web.IsSignedIn;
    }
}
