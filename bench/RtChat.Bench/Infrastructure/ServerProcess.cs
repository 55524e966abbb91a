using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using RtChat.Web.Tests.Support;

namespace RtChat.Bench.Infrastructure;

/// <summary>
/// A server under test in its own process (the app, or one of the bench's bare references), on 127.0.0.1, logging to a file,
/// stopped with SIGTERM (then killed) when disposed or when the bench exits in any way.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly List<Process> Running = [];
    private readonly Process _process;
    private readonly StreamWriter _log;

    static ServerProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    private ServerProcess(Process process, StreamWriter log, string logPath, Uri baseAddress, string name)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        BaseAddress = baseAddress;
        Name = name;
    }

    public string Name { get; }
    public Uri BaseAddress { get; }
    public string LogPath { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The server's CPU time so far, user and system, all threads.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public Uri SocketAddress(string pathAndQuery) => SocketAddress(BaseAddress, pathAndQuery);

    /// <summary>The ws:// address of <paramref name="pathAndQuery"/> on <paramref name="site"/> (a node, or nginx in front of several).</summary>
    public static Uri SocketAddress(Uri site, string pathAndQuery) => new($"ws://{site.Authority}{pathAndQuery}");

    /// <summary>The repository root (the folder with RtChat.slnx), found upwards from the bench's own binaries.</summary>
    public static string RepoRoot => NginxSite.RepoRoot;

    /// <summary>
    /// Starts the app from its Release build (building it first if it is missing) with a fresh SQLite database and
    /// folders under <paramref name="workDir"/>, the account-form and send limits raised for load, and
    /// <paramref name="settings"/> on top (configuration keys, e.g. <c>Realtime:SendQueueLimit</c>), on
    /// <paramref name="port"/> or a free one. Without <paramref name="raiseLimits"/> the app's own limits stay.
    /// </summary>
    public static async Task<ServerProcess> StartAppAsync(
        string workDir, IReadOnlyDictionary<string, string>? settings = null, int? port = null, string name = "app", bool raiseLimits = true)
    {
        var web = Path.Combine(RepoRoot, "RtChat.Web");
        var dll = Path.Combine(web, "bin", "Release", "net10.0", "RtChat.Web.dll");
        if (!File.Exists(dll))
        {
            Log.Line("Building RtChat.Web (Release)...");
            await RunAsync("dotnet", ["build", Path.Combine(web, "RtChat.Web.csproj"), "-c", "Release", "-nologo", "-clp:ErrorsOnly"], TimeSpan.FromMinutes(5));
        }
        Directory.CreateDirectory(workDir);
        port ??= Loopback.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["App__PublicOrigin"] = $"http://127.0.0.1:{port}",
            // Production serves HTTPS only; the bench's clients speak plain http to loopback.
            ["App__RequireHttps"] = "false",
            ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(workDir, "rtchat.db")}",
            ["Email__PickupDirectory"] = Path.Combine(workDir, "mail"),
            ["Media__Root"] = Path.Combine(workDir, "media"),
            ["DataProtection__KeysDirectory"] = Path.Combine(workDir, "keys"),
            // Production logging minus the per-request information lines, which would cost more than the requests.
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (raiseLimits)
        {
            // Load from a handful of addresses and accounts: the per-address account-form limit, the per-user send limit
            // and the per-user socket limits would refuse it.
            environment["RateLimits__AccountFormsPerMinute"] = "1000000";
            environment["Chat__SendLimit"] = "1000000";
            environment["Realtime__MaxSocketsPerUser"] = "1000000";
            environment["Realtime__SocketOpensPerMinute"] = "1000000";
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var server = Start(name, "dotnet", [dll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", web], environment, workDir, port.Value);
        await server.WaitUntilReadyAsync("/healthz", TimeSpan.FromSeconds(90));
        return server;
    }

    /// <summary>Starts the bench's own bare WebSocket server (the <c>limit-server</c> mode) with the app's GC settings.</summary>
    public static Task<ServerProcess> StartLimitAsync(string workDir, int maxSeconds) => StartModeAsync("limit-server", workDir, maxSeconds, []);

    /// <summary>
    /// Starts the throughput scenario's bare reference (the <c>throughput-server</c> mode) with the app's GC settings: its
    /// SQLite file in <paramref name="workDir"/>, rooms 1…<paramref name="rooms"/>, authors 0…<paramref name="users"/>−1,
    /// message frames of <paramref name="frameBytes"/>.
    /// </summary>
    public static Task<ServerProcess> StartThroughputReferenceAsync(string workDir, int maxSeconds, int rooms, int users, int frameBytes) =>
        StartModeAsync("throughput-server", workDir, maxSeconds,
            ["--database", Path.Combine(workDir, ThroughputReferenceDatabase), "--rooms", Invariant(rooms), "--users", Invariant(users), "--frame-bytes", Invariant(frameBytes)]);

    public const string ThroughputReferenceDatabase = "reference.db";

    private static async Task<ServerProcess> StartModeAsync(string mode, string workDir, int maxSeconds, string[] options)
    {
        Directory.CreateDirectory(workDir);
        var port = Loopback.FreePort();
        var self = Assembly.GetEntryAssembly()!.Location;
        var environment = new Dictionary<string, string>
        {
            // The app runs with server GC (the Web SDK's default); so do its references.
            ["DOTNET_gcServer"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var server = Start(mode, "dotnet", [self, mode, "--port", Invariant(port), "--max-seconds", Invariant(maxSeconds), .. options],
            environment, workDir, port);
        await server.WaitUntilReadyAsync("/healthz", TimeSpan.FromSeconds(30));
        return server;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static ServerProcess Start(string name, string file, string[] arguments, Dictionary<string, string> environment, string workDir, int port)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var key in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "DOTNET_URLS" }) info.Environment.Remove(key);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var logPath = Path.Combine(workDir, name + ".log");
        // Appended: a server started again on the same folder (a node after a crash) keeps its earlier log.
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        lock (Running) Running.Add(process);
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Log.Line($"Started {name} (pid {process.Id}) on http://127.0.0.1:{port}, log {logPath}");
        return new ServerProcess(process, log, logPath, new Uri($"http://127.0.0.1:{port}"), name);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log)
        {
            try { log.WriteLine(line); }
            catch (ObjectDisposedException) { }
        }
    }

    private async Task WaitUntilReadyAsync(string path, TimeSpan patience)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was ready. Log:\n{Tail()}");
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, path));
                if ((int)response.StatusCode < 500)
                {
                    Log.Line($"{Name} ready after {clock.Elapsed.TotalSeconds:0.0} s");
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{Name} was not ready within {patience.TotalSeconds:0} s. Log:\n{Tail()}");
    }

    public string Tail(int lines = 30)
    {
        lock (_log) _log.Flush();
        return File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath).TakeLast(lines)) : "";
    }

    /// <summary>Resident memory now (VmRSS) and its high-water mark (VmHWM), in bytes.</summary>
    public (long Rss, long Hwm) Memory() => ProcStatus.Read(Pid);

    /// <summary>SIGKILL, as a crash or a pulled plug: no graceful stop, sockets cut without a close frame.</summary>
    public async Task KillHardAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        Log.Line($"Killed {Name} (SIGKILL)");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, 15); // SIGTERM: the host stops gracefully
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        lock (Running) Running.Remove(_process);
        lock (_log) _log.Dispose();
        _process.Dispose();
        Log.Line($"Stopped {Name}");
    }

    private static void KillAll()
    {
        lock (Running)
        {
            foreach (var process in Running)
            {
                try
                {
                    if (!process.HasExited) process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException) { }
            }
            Running.Clear();
        }
    }

    /// <summary>Runs a command to completion (bounded), failing with its output if it fails.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, TimeSpan patience)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', info.ArgumentList)} took more than {patience.TotalSeconds:0} s.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        return await output;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

/// <summary>Reads /proc/PID/status; resets the high-water mark through /proc/PID/clear_refs.</summary>
public static class ProcStatus
{
    public static (long Rss, long Hwm) Read(int pid)
    {
        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kb(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kb(line);
        }
        return (rss, hwm);
    }

    /// <summary>Makes VmHWM the current RSS, so the next read shows the peak of what follows.</summary>
    public static void ResetPeak(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");

    private static long Kb(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
