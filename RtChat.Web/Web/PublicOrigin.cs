namespace RtChat.Web.Web;

/// <summary>
/// The address users reach the site at (<c>App:PublicOrigin</c>), e.g. https://chat.example.com: links in mail are
/// built on it, never on the request's Host header, which whoever sends the request chooses.
/// </summary>
public sealed record PublicOrigin(Uri Uri)
{
    public const string Key = "App:PublicOrigin";

    /// <summary>The configured origin, else https:// and the one concrete <c>AllowedHosts</c> entry; otherwise the app must not start.</summary>
    public static PublicOrigin From(IConfiguration configuration)
    {
        if (configuration[Key] is { Length: > 0 } configured)
            return Parse(configured);
        if (configuration["AllowedHosts"] is { Length: > 0 } host && !host.Contains('*') && !host.Contains(';'))
            return Parse("https://" + host);
        throw new InvalidOperationException(
            $"{Key} is not set: set it to the address users reach the site at, e.g. https://chat.example.com "
            + "(or set AllowedHosts to that one host name). Links in account mail are built on it.");
    }

    /// <summary><paramref name="pathAndQuery"/> on this origin.</summary>
    public Uri Link(string pathAndQuery) => new(Uri, pathAndQuery);

    /// <summary>Whether <paramref name="origin"/> (an Origin header's value) is this one: same scheme, host and port.</summary>
    public bool Matches(Uri origin) => SameOrigin(Uri, origin);

    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static PublicOrigin Parse(string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
            throw new InvalidOperationException($"{Key} must be an origin such as https://chat.example.com (scheme, host and port only), not \"{value}\".");
        return new PublicOrigin(new Uri(uri.GetLeftPart(UriPartial.Authority)));
    }
}
