namespace RtChat.Web.Web;

/// <summary>
/// HTTPS only, unless <c>App:RequireHttps</c> says otherwise (by default: everywhere but Development): every cookie the
/// app sets is Secure, responses over HTTPS carry HSTS, and plain HTTP is redirected to the public origin's HTTPS port.
/// </summary>
public static class HttpsSetup
{
    public const string Key = "App:RequireHttps";
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static void AddTo(WebApplicationBuilder builder, PublicOrigin origin)
    {
        if (!IsRequired(builder.Configuration, builder.Environment)) return;
        if (origin.Uri.Scheme != Uri.UriSchemeHttps)
            throw new InvalidOperationException(
                $"{PublicOrigin.Key} is {origin.Uri}, but outside Development the site is served over HTTPS only: set an https:// "
                + $"origin. ({Key}=false turns HTTPS off, for a machine nobody reaches but over loopback.)");
        builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.Always);
        builder.Services.AddHsts(o => o.MaxAge = HstsMaxAge);
        builder.Services.AddHttpsRedirection(o => o.HttpsPort = origin.Uri.Port);
    }

    /// <summary>After the forwarded headers, which tell a request that reached the proxy over HTTPS from one that did not.</summary>
    public static void Use(WebApplication app)
    {
        if (!IsRequired(app.Configuration, app.Environment)) return;
        app.UseHsts();
        // Load balancers probe each node over plain HTTP.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments(WebSetup.HealthPath), https => https.UseHttpsRedirection());
        app.UseCookiePolicy();
    }

    private static bool IsRequired(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(Key) ?? !environment.IsDevelopment();
}
