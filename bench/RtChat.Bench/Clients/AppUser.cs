using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Clients;

/// <summary>
/// A signed-in user of the app, over HTTP the way the pages do it: registered through the real sign-up form (which
/// signs in), with its cookies, the antiforgery token of the chat page, and the composer's htmx post.
/// </summary>
public sealed partial class AppUser : IDisposable
{
    public const string Password = "bench-password-1";
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _http;
    private string? _token;

    private AppUser(Uri baseAddress, string username, int index)
    {
        BaseAddress = baseAddress;
        Username = username;
        _http = new HttpClient(Loopback.NewHandler(Loopback.Source(index), _cookies)) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }
    public string Username { get; }

    /// <summary>The Identity user id (read from the database by whoever needs it).</summary>
    public string? Id { get; set; }

    /// <summary>The Cookie header a socket of this user sends (the auth cookie among them).</summary>
    public string CookieHeader => _cookies.GetCookieHeader(BaseAddress);

    /// <summary>The Origin a browser on the site sends.</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    public HttpClient Http => _http;

    /// <summary>Another HTTP connection of this user (same cookies) from source address <paramref name="index"/>: one keep-alive connection.</summary>
    public HttpClient NewConnection(int index) =>
        new(Loopback.NewHandler(Loopback.Source(index), _cookies, maxConnections: 1)) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Registers <c>{prefix}{index}</c> through the sign-up form and keeps the signed-in cookies.</summary>
    public static async Task<AppUser> RegisterAsync(Uri baseAddress, string prefix, int index, CancellationToken ct)
    {
        var user = new AppUser(baseAddress, $"{prefix}{index:D4}", index);
        try
        {
            const string path = "/Identity/Account/Register";
            var token = TokenIn(await user.GetStringAsync(path, ct)) ?? throw new InvalidOperationException("No antiforgery token on the sign-up page.");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = $"{user.Username}@bench.test",
                ["Input.Username"] = user.Username,
                ["Input.Password"] = Password,
                ["__RequestVerificationToken"] = token,
            });
            using var response = await user._http.PostAsync(path, form, ct);
            if (response.StatusCode != HttpStatusCode.Redirect || !user.CookieHeader.Contains("rtchat.auth=", StringComparison.Ordinal))
                throw new InvalidOperationException($"Signing up {user.Username} answered {(int)response.StatusCode}, not a redirect with the auth cookie.");
            return user;
        }
        catch
        {
            user.Dispose();
            throw;
        }
    }

    /// <summary>Registers <paramref name="count"/> users, a few at a time (each sign-up hashes a password: it is slow on purpose).</summary>
    public static async Task<AppUser[]> RegisterManyAsync(Uri baseAddress, int count, CancellationToken ct)
    {
        var users = new AppUser[count];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (i, token) => users[i] = await RegisterAsync(baseAddress, "bench", i, token));
        Log.Line($"Registered {count} users in {clock.Elapsed.TotalSeconds:0.0} s");
        return users;
    }

    /// <summary>Fetches a chat page once for the antiforgery token the composer posts with (one per user and cookie).</summary>
    public async Task PrepareToSendAsync(string room, CancellationToken ct)
    {
        var page = await GetStringAsync(RoomPath(room), ct);
        _token = TokenIn(page) ?? throw new InvalidOperationException($"No composer token on {RoomPath(room)} for {Username}.");
    }

    /// <summary>Posts <paramref name="body"/> with the composer (htmx): 204 when the message was committed and broadcast.</summary>
    public async Task<HttpStatusCode> SendAsync(string room, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, RoomPath(room) + "?handler=Send")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("Body", body)]),
        };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("RequestVerificationToken", _token ?? throw new InvalidOperationException("Call PrepareToSendAsync first."));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        return response.StatusCode;
    }

    public async Task<string> GetStringAsync(string path, CancellationToken ct)
    {
        using var response = await _http.GetAsync(path, ct);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} as {Username} answered {(int)response.StatusCode}.");
        return await response.Content.ReadAsStringAsync(ct);
    }

    public const string PublicChat = "public-chat";

    public static string RoomPath(string room) => room == PublicChat ? "/" : $"/chat/room/{Uri.EscapeDataString(room)}";

    public static string SocketPath(string room) => $"/ws?room={Uri.EscapeDataString(room)}";

    private static string? TokenIn(string html) => AntiforgeryField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
