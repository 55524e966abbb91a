namespace RtChat.Web.Tests.Support;

/// <summary>A fixture whose app has an admin signed in from the start (<see cref="Admin"/>).</summary>
public abstract class AdminFixture : AppFixture
{
    protected WebSession Admin { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task SignInAdminAsync() => (Admin, _) = await App.SignedUpAdminAsync();

    [OneTimeTearDown]
    public void SignOutAdmin() => Admin.Dispose();
}
