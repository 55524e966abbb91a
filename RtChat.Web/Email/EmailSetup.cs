namespace RtChat.Web.Email;

public static class EmailSetup
{
    public static WebApplicationBuilder AddRtChatEmail(this WebApplicationBuilder builder)
    {
        // An unknown key (a typo, or one this version no longer reads) stops the start instead of leaving mail on defaults.
        builder.Services.AddOptions<EmailOptions>()
            .Bind(builder.Configuration.GetSection(EmailOptions.Section), binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        builder.Services.AddSingleton<PickupDirectory>();
        builder.Services.AddSingleton<SmtpRelay>();
        builder.Services.AddSingleton<IMailSender, SmtpOrPickupSender>();
        return builder;
    }
}
