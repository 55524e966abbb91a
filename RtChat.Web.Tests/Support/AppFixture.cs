using Microsoft.Extensions.DependencyInjection;

namespace RtChat.Web.Tests.Support;

/// <summary>Base of every fixture that needs the running app: one app (one SQLite file) per fixture class.</summary>
public abstract class AppFixture
{
    protected RtChatApp App { get; private set; } = null!;

    /// <summary>Configuration this fixture's app runs with, on top of <see cref="RtChatApp.DefaultSettings"/>.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Extra service registrations for this fixture's app.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    [OneTimeSetUp]
    public void StartApp() => App = new RtChatApp(Settings, ConfigureServices);

    [OneTimeTearDown]
    public async Task StopAppAsync() => await App.DisposeAsync();
}
