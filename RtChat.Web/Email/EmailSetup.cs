namespace RtChat.Web.Email;

public static class EmailSetup
{
    public static WebApplicationBuilder AddRtChatEmail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.Section));
        builder.Services.AddSingleton<IMailSender, SystemNetMailSender>();
        return builder;
    }
}
