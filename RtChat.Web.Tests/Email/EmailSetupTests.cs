using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RtChat.Web.Email;

namespace RtChat.Web.Tests.Email;

public sealed class EmailSetupTests
{
    [Test]
    public void An_email_key_the_app_does_not_read_stops_the_start()
    {
        using var app = AppWith(new() { ["Email:Smtp:EnableSsl"] = "true" });

        var error = Assert.Throws<InvalidOperationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error?.Message, Does.Contain("EnableSsl"));
    }

    [Test]
    public void Security_and_timeout_are_read_by_name_and_as_a_time_span()
    {
        using var app = AppWith(new() { ["Email:Smtp:Security"] = "SslOnConnect", ["Email:Smtp:Timeout"] = "00:00:05" });

        var smtp = app.Services.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(smtp.Security, Is.EqualTo(MailKit.Security.SecureSocketOptions.SslOnConnect));
            Assert.That(smtp.Timeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
        }
    }

    private static WebApplication AppWith(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRtChatEmail();
        return builder.Build();
    }
}
