using RtChat.Web.Media.Attachments;
using RtChat.Web.Media.ImageMagick;

namespace RtChat.Web.Media;

public static class MediaSetup
{
    /// <summary>The key of the <see cref="IFileStore"/> of files shared in chats (the unkeyed one holds avatars).</summary>
    public const string SharedFiles = "shared-files";

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
        var sharedRoot = Path.GetFullPath(options.FilesRoot, builder.Environment.ContentRootPath);
        if ((sharedRoot + Path.DirectorySeparatorChar).StartsWith(webRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) || sharedRoot == root)
            throw new InvalidOperationException($"{MediaOptions.Section}:FilesRoot ({sharedRoot}) must be a folder of its own, not under wwwroot nor {MediaOptions.Section}:Root: shared files are served only to their rooms' readers.");
        services.AddKeyedSingleton<IFileStore>(SharedFiles, (_, _) => new FileStore(sharedRoot));
        services.AddSingleton<UploadSlots>();
        services.AddScoped<FileSharing>();
        services.AddScoped<Pages.Chat.ChatUploads>();
        services.AddHostedService<FileReaper>();
        services.AddSingleton<OrphanSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<OrphanSweep>());
        services.AddHealthChecks().AddCheck<ImagesHealthCheck>("images");
        return builder;
    }

    public static WebApplication MapRtChatMedia(this WebApplication app)
    {
        app.MapGet(MediaEndpoint.Pattern, MediaEndpoint.Handle).RequireAuthorization();
        app.MapGet(SharedFileEndpoint.Pattern, SharedFileEndpoint.HandleAsync);
        return app;
    }
}
