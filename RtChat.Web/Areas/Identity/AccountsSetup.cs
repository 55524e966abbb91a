using Microsoft.AspNetCore.Identity;
using RtChat.Web.Data;
using RtChat.Web.Domain;

namespace RtChat.Web.Areas.Identity;

public static class AccountsSetup
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

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
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserValidator<UsernameRulesValidator>()
            .AddErrorDescriber<AccountErrors>();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "rtchat.auth";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
        });
        builder.Services.AddScoped<AccountMail>();
        return builder;
    }
}
