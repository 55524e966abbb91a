using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using RtChat.Web.Data;

namespace RtChat.Web.Areas.Identity;

public static class AccountsSetup
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The Identity UI pages we serve: our overrides plus the two Identity redirects to. The rest of the
    /// library's pages (phone number, 2FA, personal data, email change without our username rules) get no route.
    /// </summary>
    private static readonly HashSet<string> OfferedPages =
    [
        "/Account/Register", "/Account/Login", "/Account/Logout", "/Account/ConfirmEmail",
        "/Account/ResendEmailConfirmation", "/Account/ForgotPassword", "/Account/ForgotPasswordConfirmation",
        "/Account/ResetPassword", "/Account/Manage/ChangePassword", "/Account/AccessDenied", "/Account/Lockout",
    ];

    public static WebApplicationBuilder AddRtChatAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddDefaultIdentity<AppUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters = Username.AllowedCharacters;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedLogins;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserValidator<UsernameRulesValidator>()
            .AddErrorDescriber<AccountErrors>();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "rtchat.auth";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.Events.OnValidatePrincipal = SecurityStampCheck.ValidateWhenDueAsync;
        });
        // After the framework's own post-configuration, which gives the cookie its ticket format.
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure(o => o.TicketDataFormat = new RememberedTickets(o.TicketDataFormat));
        builder.Services.AddScoped<AccountMail>();
        builder.Services.AddSingleton<Revocations>();
        builder.Services.AddScoped<SessionEnding>();
        builder.Services.AddSingleton<UnknownLoginLockouts>();
        builder.Services.AddScoped<RtChat.Web.Pages.Profile.AccountDeletion>();
        builder.Services.AddScoped<RtChat.Web.Pages.Profile.EmailChange>();
        builder.Services.AddScoped<RtChat.Web.Pages.Profile.EmailChangeCancellation>();
        builder.Services.Configure<RazorPagesOptions>(pages =>
        {
            pages.Conventions.AddAreaFolderRouteModelConvention("Identity", "/", page =>
            {
                if (!OfferedPages.Contains(page.ViewEnginePath))
                    page.Selectors.Clear();
            });
            pages.Conventions.AddAreaFolderApplicationModelConvention("Identity", "/Account",
                page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.AccountForms)));
        });
        return builder;
    }
}
