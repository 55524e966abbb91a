using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RtChat.Web.Email;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Email;

/// <summary>When SMTP fails, the account action still succeeds and the mail is written to the pickup directory.</summary>
public sealed class SmtpFallbackTests
{
    [Test]
    public async Task Sign_up_with_the_smtp_server_down_succeeds_and_the_mail_lands_in_the_pickup_directory()
    {
        var port = SmtpListener.ClosedPort();
        var logs = new LogRecorder();
        await using var app = new RtChatApp(SmtpListener.AppSettings(port), services => services.AddSingleton<ILoggerProvider>(logs));

        var (_, user) = await app.SignedUpAsync("down");

        var mail = await app.Mailbox.WaitForMailAsync(user.Email);
        var warnings = logs.Logs.Where(log => log.Category == typeof(SmtpOrPickupSender).FullName && log.Level == LogLevel.Warning);
        Assert.That(warnings.Select(log => log.Message), Has.Some.Contains($"127.0.0.1:{port}").And.Contains(mail.File),
            "the log names the server that failed and the file the mail went to");
    }

    [Test]
    public async Task A_server_without_the_starttls_the_settings_ask_for_gets_no_mail_and_the_pickup_directory_does()
    {
        await using var plain = new SmtpListener();
        var settings = new Dictionary<string, string?>(SmtpListener.AppSettings(plain.Port)) { ["Email:Smtp:Security"] = "StartTls" };
        await using var app = new RtChatApp(settings);

        var (_, user) = await app.SignedUpAsync("plain");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plain.Deliveries, Is.Empty, "no mail goes out in clear text");
            Assert.That((await app.Mailbox.WaitForMailAsync(user.Email)).Subject, Is.EqualTo("Confirm your email address"));
        }
    }

    [Test]
    public async Task A_server_that_never_answers_is_given_up_after_the_timeout()
    {
        await using var silent = new SmtpListener(silent: true);
        var settings = new Dictionary<string, string?>(SmtpListener.AppSettings(silent.Port)) { ["Email:Smtp:Timeout"] = "00:00:01" };
        await using var app = new RtChatApp(settings);
        var clock = Stopwatch.StartNew();

        var (_, user) = await app.SignedUpAsync("silent");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "well before the default timeout");
            Assert.That((await app.Mailbox.WaitForMailAsync(user.Email)).Subject, Is.EqualTo("Confirm your email address"));
        }
    }
}
