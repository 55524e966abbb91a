using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Data;
using RtChat.Web.Domain;

namespace RtChat.Web.Tests.Support;

/// <summary>
/// The app on real Kestrel, on a random loopback port, with its own temp folder for the SQLite file,
/// the mail pickup folder and the data-protection keys. One per test fixture.
/// </summary>
public sealed class RtChatApp : WebApplicationFactory<Program>
{
    /// <summary>
    /// Settings every test app gets unless the fixture overrides them. The account-form rate limit is lifted:
    /// all tests of a fixture post from 127.0.0.1 within seconds. A rate-limit test passes its own low limit.
    /// HTTPS is off: the app listens on plain http on loopback; the HTTPS tests turn it back on with an https origin.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> DefaultSettings = new Dictionary<string, string?>
    {
        ["RateLimits:AccountFormsPerMinute"] = "100000",
        ["App:RequireHttps"] = "false",
    };

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsRoot;

    /// <param name="settings">
    /// Configuration on top of <see cref="DefaultSettings"/> and <c>App:PublicOrigin</c> (this app's own address); same keys win.
    /// </param>
    /// <param name="services">Extra registrations, for the few tests that need the app to misbehave.</param>
    /// <param name="sharedRoot">Another app's <see cref="Root"/> to run on (a second web node on its database and files); its owner deletes it.</param>
    public RtChatApp(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? sharedRoot = null)
    {
        _services = services;
        // Mail links come from the configured public origin, so the port is chosen before the app is configured.
        var port = FreeLoopbackPort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        var ownOrigin = new Dictionary<string, string?> { ["App:PublicOrigin"] = BaseAddress.GetLeftPart(UriPartial.Authority) };
        _settings = DefaultSettings.Concat(ownOrigin).Concat(settings ?? new Dictionary<string, string?>())
            .GroupBy(pair => pair.Key)
            .ToDictionary(group => group.Key, group => group.Last().Value);
        _ownsRoot = sharedRoot is null;
        Root = sharedRoot ?? Directory.CreateTempSubdirectory("rtchat-tests-").FullName;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        StartServer();
        Mailbox = new Mailbox(MailDirectory);
    }

    /// <summary>This instance's temp folder; deleted on dispose.</summary>
    public string Root { get; }

    public string DatabaseFile => Path.Combine(Root, "rtchat.db");
    public string MailDirectory => Path.Combine(Root, "mail");
    public string KeysDirectory => Path.Combine(Root, "keys");
    public string MediaDirectory => Path.Combine(Root, "media");
    public string FilesDirectory => Path.Combine(Root, "files");

    /// <summary>Where the real server listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    public Mailbox Mailbox { get; }

    public WebSession NewSession() => new(BaseAddress);

    /// <summary>Runs <paramref name="query"/> against the app's database in a fresh scope (no stale tracked entities).</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<int> CountUsersAsync() => QueryAsync(db => db.Users.CountAsync());

    public Task<AppUser?> FindUserByEmailAsync(string email) =>
        QueryAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // As in Development (scripts/run): a scoped service taken from the root provider fails here too.
        builder.UseDefaultServiceProvider(o => o.ValidateScopes = true);
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabaseFile}");
        builder.UseSetting("Email:PickupDirectory", MailDirectory);
        builder.UseSetting("DataProtection:KeysDirectory", KeysDirectory);
        builder.UseSetting("Media:Root", MediaDirectory);
        builder.UseSetting("Media:FilesRoot", FilesDirectory);
        // The kestrel listener above replaces appsettings' Urls; clearing them avoids the "Overriding address(es)" warning.
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Test keys live and die with the temp folder: no need to hear they are stored unencrypted.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_services is not null)
            builder.ConfigureServices(_services);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsRoot && Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }
}
