using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RtChat.Web.Tests.Support;

/// <summary>
/// A real nginx (Debian's package) on a free loopback port, running <see cref="NginxSite"/>'s copy of
/// deploy/nginx/rtchat.conf in front of the given nodes. Its pid, logs and temp files live in a temp folder of its own.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    private readonly DirectoryInfo _prefix;
    private Process? _process;

    /// <param name="port">Where nginx listens on 127.0.0.1; a free port if null.</param>
    public NginxServer(IEnumerable<Uri> nodes, int workers = 1, int? port = null)
    {
        Port = port ?? FreeLoopbackPort();
        var site = NginxSite.OnLoopback(Port, nodes);
        _prefix = Directory.CreateTempSubdirectory("rtchat-nginx-");
        ConfigFile = Path.Combine(_prefix.FullName, "nginx.conf");
        File.WriteAllText(ConfigFile, NginxSite.MainConfig(site, _prefix.FullName, workers));
    }

    public int Port { get; }

    /// <summary>Where browsers reach the site, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string ConfigFile { get; }

    public string ErrorLog => Path.Combine(_prefix.FullName, "error.log");

    /// <summary><c>nginx -t</c> on the generated config: whether nginx takes it, and what it said.</summary>
    public Task<(bool Ok, string Output)> TestConfigAsync() => TestAsync(_prefix.FullName, ConfigFile);

    /// <summary><c>nginx -t</c> on <paramref name="site"/> (an http-context file such as deploy/nginx/rtchat.conf) as it is.</summary>
    public static async Task<(bool Ok, string Output)> TestSiteAsync(string site)
    {
        var prefix = Directory.CreateTempSubdirectory("rtchat-nginx-test-");
        try
        {
            var config = Path.Combine(prefix.FullName, "nginx.conf");
            await File.WriteAllTextAsync(config, NginxSite.MainConfig(site, prefix.FullName));
            return await TestAsync(prefix.FullName, config);
        }
        finally
        {
            prefix.Delete(recursive: true);
        }
    }

    private static async Task<(bool Ok, string Output)> TestAsync(string prefix, string config)
    {
        using var test = Process.Start(Info(prefix, config, "-t")) ?? throw new InvalidOperationException("nginx did not start.");
        var output = test.StandardError.ReadToEndAsync();
        await test.StandardOutput.ReadToEndAsync();
        await test.WaitForExitAsync();
        return (test.ExitCode == 0, await output);
    }

    public async Task StartAsync()
    {
        if (_process is not null) throw new InvalidOperationException("nginx is already running.");
        _process = Process.Start(Info(_prefix.FullName, ConfigFile, "-g", "daemon off;")) ?? throw new InvalidOperationException("nginx did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await AcceptsAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"nginx on port {Port} did not start (is the nginx package installed?):\n{ReadErrorLog()}");
            await Task.Delay(50);
        }
    }

    /// <summary>Stops the master and its workers at once.</summary>
    public void Stop()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _prefix.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>The nodes (host:port) that served each request for <paramref name="pathAndQuery"/> so far, in order.</summary>
    public IReadOnlyList<string> NodesThatServed(string pathAndQuery) =>
        File.ReadLines(Path.Combine(_prefix.FullName, "access.log"))
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length == 3 && fields[2] == pathAndQuery)
            .Select(fields => fields[0])
            .ToList();

    public string ReadErrorLog() => File.Exists(ErrorLog) ? File.ReadAllText(ErrorLog) : "(no error log)";

    private static ProcessStartInfo Info(string prefix, string config, params string[] arguments)
    {
        var info = new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "-p", prefix, "-c", config, "-e", Path.Combine(prefix, "error.log") },
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
