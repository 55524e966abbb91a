using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace RtChat.Web.Tests.Support;

/// <summary>A file to upload: what the browser would send for an <c>&lt;input type="file"&gt;</c>.</summary>
public sealed record Upload(string FileName, string ContentType, byte[] Content)
{
    public override string ToString() => $"{FileName} ({ContentType}, {Content.Length} bytes)";
}

/// <summary>The profile steps tests go through: the edit form with a file, the avatar in the header, the media folder.</summary>
public static class ProfileSteps
{
    public const string EditPath = "/profile/edit";
    public const string OnboardingPath = "/profile/onboarding";
    public const string SettingsPath = "/profile/settings";
    public const string DeletePath = "/profile/delete";
    public const string FormSelector = "form#profile-form";
    public const string AvatarField = "Avatar";

    /// <summary>
    /// Posts the form <paramref name="formSelector"/> as <c>multipart/form-data</c>, like a browser: its named fields with
    /// their values, <paramref name="fields"/> on top (null removes one), and <paramref name="file"/> under <paramref name="fileField"/>.
    /// With <paramref name="htmx"/>, it is sent the way htmx sends it: HX-Request, and the antiforgery token in the header the
    /// layout's <c>hx-headers</c> names, so the server can stream the body instead of reading the whole form first.
    /// <paramref name="headers"/> are added as they are.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitMultipartAsync(
        this WebSession web, HtmlPage page, Upload? file, IReadOnlyDictionary<string, string?>? fields = null,
        string formSelector = FormSelector, string fileField = AvatarField, bool htmx = false,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var form = page.Form(formSelector);
        var values = WebSession.FieldsOf(form);
        foreach (var (name, value) in fields ?? new Dictionary<string, string?>())
        {
            if (value is null) values.Remove(name);
            else values[name] = value;
        }
        // The parts go in the order of the form's fields, as a browser sends them: the file before the text typed below it.
        var order = form.Elements.Select(e => e.GetAttribute("name")).OfType<string>().Distinct().ToList();
        var fileAt = order.IndexOf(fileField);
        var content = new MultipartFormDataContent();
        var fileAdded = false;
        foreach (var (name, value) in values.OrderBy(pair => order.IndexOf(pair.Key) is var i && i < 0 ? int.MaxValue : i))
        {
            if (!fileAdded && fileAt >= 0 && order.IndexOf(name) > fileAt)
            {
                content.Add(FilePart(file, fileField));
                fileAdded = true;
            }
            content.Add(new StringContent(value), name);
        }
        if (!fileAdded)
            content.Add(FilePart(file, fileField));

        var action = form.GetAttribute("action") is { Length: > 0 } target ? new Uri(page.Url, target) : page.Url;
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = content };
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
            foreach (var (header, value) in HxHeaders(page))
                request.Headers.Add(header, value);
        }
        foreach (var (header, value) in headers ?? new Dictionary<string, string>())
            request.Headers.Add(header, value);
        return await web.SendAsync(request);
    }

    /// <summary>A browser sends the file part even when nothing is chosen: empty, with an empty file name.</summary>
    private static ByteArrayContent FilePart(Upload? file, string fileField)
    {
        var bytes = new ByteArrayContent(file?.Content ?? []);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(file?.ContentType ?? "application/octet-stream");
        bytes.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = $"\"{fileField}\"",
            FileName = $"\"{file?.FileName ?? ""}\"",
        };
        return bytes;
    }

    /// <summary>Opens <paramref name="path"/> (the edit or onboarding page) and posts its form with <paramref name="file"/>.</summary>
    /// <summary>Signs up a fresh user in <paramref name="web"/> (landing on onboarding) and returns them.</summary>
    public static async Task<TestUser> SignUpNewUserAsync(this WebSession web, string prefix = "edit")
    {
        var user = TestUser.Create(prefix);
        await web.RegisterAsync(user);
        return user;
    }

    public static async Task<HttpResponseMessage> SaveProfileAsync(
        this WebSession web, Upload? file, string? displayName = null, string? info = null, string path = EditPath, bool htmx = false)
    {
        var page = await web.GetPageAsync(path);
        if (page.Status != HttpStatusCode.OK)
            throw new AssertionException($"Opening {path} answered {(int)page.Status}.");
        var fields = new Dictionary<string, string?>();
        if (displayName is not null) fields["DisplayName"] = displayName;
        if (info is not null) fields["Info"] = info;
        return await web.SubmitMultipartAsync(page, file, fields, htmx: htmx);
    }

    /// <summary>Uploads <paramref name="file"/> as the avatar and fails unless the app saved it (a redirect to /profile).</summary>
    public static async Task<string> UploadAvatarAsync(this WebSession web, RtChatApp app, TestUser user, Upload file)
    {
        using var response = await web.SaveProfileAsync(file);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await HtmlPage.ParseAsync(response);
            throw new AssertionException(
                $"Uploading {file} answered {(int)response.StatusCode}: {page.Document.QuerySelector("[data-avatar-error]")?.TextContent}");
        }
        return await app.AvatarKeyAsync(user) ?? throw new AssertionException($"{user.Username} has no avatar after uploading {file}.");
    }

    /// <summary>The avatar image in the header of <paramref name="page"/> (null when signed out).</summary>
    public static string? HeaderAvatarUrl(this HtmlPage page) =>
        page.Document.QuerySelector("[data-testid='user-menu'] img.avatar")?.GetAttribute("src");

    public static string? HeaderName(this HtmlPage page) => page.TestId("header-name")?.TextContent.Trim();

    /// <summary>The error shown under the avatar picker on the edit form.</summary>
    public static string AvatarError(this HtmlPage page) =>
        page.Document.QuerySelector("[data-avatar-error]")?.TextContent.Trim() ?? "";

    public static Task<string?> AvatarKeyAsync(this RtChatApp app, TestUser user) =>
        app.QueryAsync(db => db.Profiles.Where(p => p.User.UserName == user.Username).Select(p => p.AvatarKey).SingleOrDefaultAsync());

    /// <summary>Every file under the app's media folder (temporary ones included), relative to it, sorted.</summary>
    public static IReadOnlyList<string> MediaFiles(this RtChatApp app) =>
        Directory.Exists(app.MediaDirectory)
            ? Directory.EnumerateFiles(app.MediaDirectory, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(app.MediaDirectory, f)).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Where the file store keeps <paramref name="key"/>: <c>{root}/{first two characters}/{key}</c>.</summary>
    public static string MediaPath(this RtChatApp app, string key) => Path.Combine(app.MediaDirectory, key[..2], key);

    /// <summary>The headers the page's <c>hx-headers</c> attribute (on the body) adds to every htmx request.</summary>
    public static IReadOnlyDictionary<string, string> HxHeaders(HtmlPage page) =>
        page.Document.Body?.GetAttribute("hx-headers") is { Length: > 0 } json
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []
            : new Dictionary<string, string>();
}
