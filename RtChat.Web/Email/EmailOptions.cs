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
        public bool EnableSsl { get; set; } = true;
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }
}
