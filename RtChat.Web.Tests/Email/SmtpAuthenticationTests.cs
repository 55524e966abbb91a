using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Email;

/// <summary>The app sends through an SMTP server that offers AUTH PLAIN and LOGIN, with a user name configured.</summary>
public sealed class SmtpAuthenticationTests : AppFixture
{
    private readonly SmtpListener _smtp = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(SmtpListener.AppSettings(_smtp.Port))
    {
        ["Email:Smtp:UserName"] = "mailer",
        ["Email:Smtp:Password"] = "s3cret pass",
    };

    [OneTimeTearDown]
    public async Task StopSmtpAsync() => await _smtp.DisposeAsync();

    [Test]
    public async Task With_a_user_name_the_client_authenticates_before_sending()
    {
        var (_, user) = await App.SignedUpAsync("auth");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_smtp.Logins.Select(login => (login.UserName, login.Password)), Is.EqualTo(new[] { ("mailer", "s3cret pass") }));
            Assert.That(_smtp.MessageTo(user.Email).Subject, Is.EqualTo("Confirm your email address"));
        }
    }
}
