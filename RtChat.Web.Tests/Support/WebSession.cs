using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace RtChat.Web.Tests.Support;

/// <summary>
/// A small "browser" over HTTP: one cookie jar, no automatic redirects (tests assert them), pages parsed
/// with AngleSharp, forms submitted with their hidden fields (the antiforgery token among them).
/// </summary>
public sealed class WebSession : IDisposable
{
    public const string AuthCookie = "rtchat.auth";
    private const int MaxRedirects = 10;
    private static readonly IBrowsingContext Parser = BrowsingContext.New(Configuration.Default);

    private readonly HttpClient _http;

    public WebSession(Uri baseAddress) : this(baseAddress, new CookieContainer()) { }

    /// <summary>The same browser's cookies sent to another address (another web node on the same host).</summary>
    public WebSession(Uri baseAddress, CookieContainer cookies)
    {
        Cookies = cookies;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    public Uri BaseAddress => _http.BaseAddress!;

    public bool HasCookie(string name) => Cookies.GetCookies(BaseAddress).Any(c => c.Name == name);

    public bool IsSignedIn => HasCookie(AuthCookie);

    /// <summary>Whether <paramref name="response"/> itself sets the cookie <paramref name="name"/> (to a non-empty value).</summary>
    public static bool SetsCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(name + "=", StringComparison.Ordinal) && !c.StartsWith(name + "=;", StringComparison.Ordinal));

    public async Task<HttpResponseMessage> GetAsync(string url, bool htmx = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (htmx) request.Headers.Add("HX-Request", "true");
        return await _http.SendAsync(request);
    }

    /// <summary>Sends a hand-made request with this session's cookies.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    /// <summary>GETs <paramref name="url"/>, follows redirects and parses the page it ends on.</summary>
    public async Task<HtmlPage> GetPageAsync(string url) => await FollowAsync(await GetAsync(url));

    /// <summary>
    /// Posts the form <paramref name="formSelector"/> finds like a browser would: every named field with its current value, then
    /// <paramref name="fields"/> on top (a null value leaves that field out, e.g. the antiforgery token).
    /// </summary>
    /// <param name="button">CSS selector of the submit button to press, when its <c>formaction</c> or name/value matter.</param>
    public async Task<HttpResponseMessage> SubmitAsync(
        HtmlPage page, string formSelector = "main form", IReadOnlyDictionary<string, string?>? fields = null, bool htmx = false,
        string? button = null)
    {
        var form = page.Form(formSelector);
        var values = FieldsOf(form);
        var pressed = button is null ? null
            : form.QuerySelector(button) ?? throw new AssertionException($"No button \"{button}\" in the form \"{formSelector}\" on {page.Url}.");
        if (pressed?.GetAttribute("name") is { Length: > 0 } buttonName)
            values[buttonName] = pressed.GetAttribute("value") ?? "";
        foreach (var (name, value) in fields ?? new Dictionary<string, string?>())
        {
            if (value is null) values.Remove(name);
            else values[name] = value;
        }
        var target = pressed?.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction : form.GetAttribute("action");
        var action = string.IsNullOrEmpty(target) ? page.Url : new Uri(page.Url, target);
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(values) };
        if (htmx) request.Headers.Add("HX-Request", "true");
        return await _http.SendAsync(request);
    }

    /// <summary><see cref="SubmitAsync"/>, then follows the redirects to the page it ends on.</summary>
    public async Task<HtmlPage> SubmitAndFollowAsync(
        HtmlPage page, string formSelector = "main form", IReadOnlyDictionary<string, string?>? fields = null, string? button = null) =>
        await FollowAsync(await SubmitAsync(page, formSelector, fields, button: button));

    /// <summary>Follows redirects (as GETs) from <paramref name="response"/> and parses the final page.</summary>
    public async Task<HtmlPage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; IsRedirect(response.StatusCode); hops++)
        {
            if (hops == MaxRedirects)
                throw new AssertionException($"More than {MaxRedirects} redirects, last to {response.Headers.Location}.");
            var next = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            response.Dispose();
            response = await GetAsync(next.ToString());
        }
        return await HtmlPage.ParseAsync(response);
    }

    public void Dispose() => _http.Dispose();

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    /// <summary>The named fields a browser would send for <paramref name="form"/> (files, buttons and unchecked boxes left out).</summary>
    internal static Dictionary<string, string> FieldsOf(IHtmlFormElement form)
    {
        var values = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled")) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                case IHtmlInputElement { Type: "submit" or "button" or "image" or "file" }:
                case IHtmlButtonElement:
                    continue;
                case IHtmlInputElement input:
                    values.TryAdd(name, input.Value); // a checked checkbox comes before its hidden "false"
                    break;
                case IHtmlTextAreaElement textArea:
                    values.TryAdd(name, textArea.Value);
                    break;
                case IHtmlSelectElement select:
                    values.TryAdd(name, select.Value ?? "");
                    break;
            }
        }
        return values;
    }

    internal static Task<IDocument> ParseHtmlAsync(string html, Uri url) =>
        Parser.OpenAsync(response => response.Content(html).Address(url));
}

/// <summary>A parsed page, with the look-ups the tests need.</summary>
public sealed class HtmlPage
{
    private HtmlPage(Uri url, HttpStatusCode status, IDocument document, HttpResponseMessage response)
    {
        Url = url;
        Status = status;
        Document = document;
        Response = response;
    }

    public Uri Url { get; }
    public HttpStatusCode Status { get; }
    public IDocument Document { get; }
    public HttpResponseMessage Response { get; }

    /// <summary>The path and query the page was served from, e.g. "/profile/settings".</summary>
    public string PathAndQuery => Url.PathAndQuery;

    public string Text => Document.Body?.TextContent ?? "";

    public static async Task<HtmlPage> ParseAsync(HttpResponseMessage response)
    {
        var url = response.RequestMessage!.RequestUri!;
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlPage(url, response.StatusCode, await WebSession.ParseHtmlAsync(html, url), response);
    }

    public IElement? TestId(string id) => Document.QuerySelector($"[data-testid='{id}']");

    public IHtmlFormElement Form(string selector = "main form") =>
        Document.QuerySelector<IHtmlFormElement>(selector)
        ?? throw new AssertionException($"No form matches \"{selector}\" on {Url}.");

    /// <summary>The validation message shown beside the field <paramref name="name"/> (e.g. "Input.Username"), or "".</summary>
    public string FieldError(string name) =>
        Document.QuerySelector($"span.field-validation-error[data-valmsg-for='{name}']")?.TextContent.Trim() ?? "";

    /// <summary>The messages of the validation summary (form-wide errors).</summary>
    public IReadOnlyList<string> SummaryErrors =>
        Document.QuerySelectorAll(".validation-summary-errors li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>The one-shot flash messages shown at the top of the page.</summary>
    public IReadOnlyList<string> Flashes =>
        Document.QuerySelectorAll("#flash .flash span").Select(s => s.TextContent.Trim()).ToList();
}
