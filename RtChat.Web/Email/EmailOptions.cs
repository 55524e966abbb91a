using MailKit.Security;

namespace RtChat.Web.Email;

/// <summary>The <c>Email</c> section. Without <c>Smtp:Host</c>, mail is written as .eml files to the pickup directory.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "RtChat <no-reply@rtchat.local>";
    public string PickupDirectory { get; set; } = "App_Data/mail";
    public SmtpOptions Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;
        /// <summary><c>StartTls</c>, <c>SslOnConnect</c>, <c>Auto</c> (by port), <c>StartTlsWhenAvailable</c> or <c>None</c>.</summary>
        public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
        /// <summary>How long each step (connect, a command, its reply) may take before the mail goes to the pickup directory.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
        /// <summary>When set, the client authenticates with the strongest mechanism the server offers.</summary>
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }
}
