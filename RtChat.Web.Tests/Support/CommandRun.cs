using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;

namespace RtChat.Web.Tests.Support;

/// <summary>What an operator command printed and how it exited.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    /// <summary>A .NET stack trace's frames ("   at Namespace.Type.Method(…)").</summary>
    public bool ShowsStackTrace => (Output + Error).Contains("   at ", StringComparison.Ordinal);

    public override string ToString() => $"exit {ExitCode}\n--- out ---\n{Output}\n--- err ---\n{Error}";
}

/// <summary>
/// The app's build output run as an operator runs it (<c>dotnet RtChat.Web.dll COMMAND</c>), in a process of its own,
/// against a temp folder of its own: SQLite file, media, keys and mail. One per test fixture; deleted on dispose.
/// </summary>
public sealed class CommandRun : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public string Root { get; } = Directory.CreateTempSubdirectory("rtchat-cli-").FullName;

    public string DatabaseFile => Path.Combine(Root, "rtchat.db");

    public async Task<CommandResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var appDirectory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = appDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(appDirectory, "RtChat.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["App__PublicOrigin"] = "http://localhost:5000";
        start.Environment["App__RequireHttps"] = "false";
        start.Environment["Media__FilesRoot"] = Path.Combine(Root, "files");
        start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={DatabaseFile}";
        start.Environment["Media__Root"] = Path.Combine(Root, "media");
        start.Environment["DataProtection__KeysDirectory"] = Path.Combine(Root, "keys");
        start.Environment["Email__PickupDirectory"] = Path.Combine(Root, "mail");
        start.Environment.Remove("RTCHAT_ADMIN_PASSWORD");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new AssertionException("dotnet did not start.");
        process.StandardInput.Close(); // no terminal: nothing is typed
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AssertionException($"{string.Join(' ', args)} still ran after {Patience.TotalSeconds} s.");
        }
        return new CommandResult(process.ExitCode, await output, await error);
    }

    public Task<CommandResult> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Reads the database the commands wrote, as the app would.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={DatabaseFile}").Options);
        return await query(db);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
