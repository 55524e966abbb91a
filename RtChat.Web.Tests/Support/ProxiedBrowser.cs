using Microsoft.Net.Http.Headers;

namespace RtChat.Web.Tests.Support;

/// <summary>
/// A browser reaching the app through a TLS-ending proxy on the same machine: every request carries the public Host and
/// <c>X-Forwarded-Proto: https</c>. Cookies are kept here, Secure ones too: the leg to the app is plain http, over which
/// HttpClient's own cookie jar would hold them back.
/// </summary>
public sealed class ProxiedBrowser(Uri appAddress, string publicHost) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = appAddress };
    private readonly Dictionary<string, string> _jar = [];
    private readonly List<SetCookieHeaderValue> _set = [];

    /// <summary>Every cookie the app has set so far, with its attributes.</summary>
    public IReadOnlyList<SetCookieHeaderValue> CookiesSet => _set;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Host = publicHost;
        request.Headers.Add(ProxySteps.ForwardedProto, "https");
        if (_jar.Count > 0)
            request.Headers.Add("Cookie", string.Join("; ", _jar.Select(cookie => $"{cookie.Key}={cookie.Value}")));
        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var headers))
        {
            foreach (var cookie in SetCookieHeaderValue.ParseList(headers.ToList()))
            {
                _set.Add(cookie);
                _jar[cookie.Name.ToString()] = cookie.Value.ToString();
            }
        }
        return response;
    }

    public void Dispose() => _http.Dispose();
}
