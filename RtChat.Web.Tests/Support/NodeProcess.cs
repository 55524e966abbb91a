using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RtChat.Web.Tests.Support;

/// <summary>
/// A web node as its own process (<c>dotnet RtChat.Web.dll</c>), on another app's database and files, so that it can be
/// killed outright (SIGKILL): no shutdown, no goodbye to Redis, its sockets cut.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private NodeProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts a node on <paramref name="sharedRoot"/> (an <see cref="RtChatApp.Root"/>) with <paramref name="settings"/>, and waits until it answers.</summary>
    public static async Task<NodeProcess> StartAsync(string sharedRoot, IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var appDirectory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = appDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(appDirectory, "RtChat.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.GetLeftPart(UriPartial.Authority));
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["App:PublicOrigin"] = baseAddress.GetLeftPart(UriPartial.Authority),
            ["App:RequireHttps"] = "false",
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(sharedRoot, "rtchat.db")}",
            ["Media:Root"] = Path.Combine(sharedRoot, "media"),
            ["Media:FilesRoot"] = Path.Combine(sharedRoot, "files"),
            ["Email:PickupDirectory"] = Path.Combine(sharedRoot, "mail"),
            ["DataProtection:KeysDirectory"] = Path.Combine(sharedRoot, $"keys-of-process-{port}"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in environment.Concat(settings))
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start) ?? throw new AssertionException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new NodeProcess(process, baseAddress);
        await node.WaitUntilAnsweringAsync();
        return node;
    }

    /// <summary>SIGKILL, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + CommandRun.Patience;
        while (true)
        {
            if (_process.HasExited) throw new AssertionException($"The node exited with {_process.ExitCode} before it answered.");
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new AssertionException($"The node on {BaseAddress} did not answer /healthz.");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
