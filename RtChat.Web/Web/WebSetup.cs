using Htmx;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace RtChat.Web.Web;

public static class WebSetup
{
    /// <summary>Where htmx requests carry the antiforgery token (the page's <c>hx-headers</c>).</summary>
    public const string AntiforgeryHeader = "RequestVerificationToken";
    public const string HealthPath = "/healthz";

    public static WebApplicationBuilder AddRtChatWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AddPageRoute("/Chat/Room", "");
            pages.Conventions.AddPageRoute("/Profile/Index", "profile");
            pages.Conventions.AddPageRoute("/Profile/Edit", "profile/onboarding");
        });
        services.AddAntiforgery(o => o.HeaderName = AntiforgeryHeader);
        services.Decorate<IAntiforgery, ReusedRequestTokens>();
        services.Decorate<ITempDataProvider, QuietTempData>();
        services.AddHttpContextAccessor();
        var origin = PublicOrigin.From(builder.Configuration);
        services.AddSingleton(origin);
        ForwardedHeadersSetup.AddTo(builder);
        HttpsSetup.AddTo(builder, origin);
        services.AddScoped<CurrentUser>();
        services.AddSingleton<Assets>();
        RateLimits.AddTo(builder);
        // Keys on disk keep everyone signed in across restarts; point several nodes at one shared folder. AES-GCM: a cookie
        // or token takes half the time of the default CBC + HMAC here (5-7 µs against 10-13), and every post and new
        // sign-in still makes a few. Keys made before keep their algorithm until they expire.
        var keys = builder.Configuration["DataProtection:KeysDirectory"] ?? "App_Data/keys";
        services.AddDataProtection()
            .SetApplicationName("RtChat")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(builder.Environment.ContentRootPath, keys)))
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });
        return builder;
    }

    public static WebApplication UseRtChatWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error/500");
        HttpsSetup.Use(app);
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UseVaryOnHtmx();
        app.UseStaticFiles(InstallableApp.StaticFiles());
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks(HealthPath);
        app.MapRazorPages();
        return app;
    }

    /// <summary>Pages answer htmx and plain requests differently, so caches must key on the header.</summary>
    private static IApplicationBuilder UseVaryOnHtmx(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.Htmx(static h => h.WithVary());
            return next(context);
        });

    private static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            // Scripts only from our own files: an injected <script> or inline handler would not run even if it got through.
            // The installable app's worker and manifest too (named, though default-src says the same).
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' blob: data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            return next(context);
        });
}
