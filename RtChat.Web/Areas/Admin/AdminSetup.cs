using RtChat.Web.Data;

namespace RtChat.Web.Areas.Admin;

public static class AdminSetup
{
    /// <summary>The admin area (<c>/admin</c>, for the <c>Admin</c> role only) and the moderation it does.</summary>
    public static WebApplicationBuilder AddRtChatAdmin(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<AuditLog>();
        services.AddScoped<MessageDeletion>();
        services.AddScoped<UserModeration>();
        services.AddScoped<RoomModeration>();
        services.AddScoped<AdminDashboard>();
        services.Configure<RazorPagesOptions>(pages =>
            pages.Conventions.AddAreaFolderApplicationModelConvention("Admin", "/", page => page.Filters.Add(new AdminOnlyFilter())));
        return builder;
    }
}
