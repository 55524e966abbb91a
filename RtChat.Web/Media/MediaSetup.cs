using RtChat.Web.Media.ImageMagick;

namespace RtChat.Web.Media;

public static class MediaSetup
{
    public static WebApplicationBuilder AddRtChatMedia(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(MediaOptions.Section).Get<MediaOptions>() ?? new MediaOptions();
        services.AddSingleton(options);
        services.AddSingleton<IImageProcessor, MagickImageProcessor>();
        var root = Path.GetFullPath(options.Root, builder.Environment.ContentRootPath);
        var webRoot = Path.GetFullPath(builder.Environment.WebRootPath ?? "wwwroot", builder.Environment.ContentRootPath);
        if ((root + Path.DirectorySeparatorChar).StartsWith(webRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"{MediaOptions.Section}:Root ({root}) must not be under wwwroot: stored files are served only through /media.");
        services.AddSingleton<IFileStore>(_ => new FileStore(root));
        services.AddHealthChecks().AddCheck<ImagesHealthCheck>("images");
        return builder;
    }

    public static WebApplication MapRtChatMedia(this WebApplication app)
    {
        app.MapGet(MediaEndpoint.Pattern, MediaEndpoint.Handle).RequireAuthorization();
        return app;
    }
}
