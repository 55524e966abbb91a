using System.CommandLine;
using RtChat.Web.Data;

namespace RtChat.Web.Cli;

/// <summary>A command's refusal: its message is for the operator, and no stack trace goes with it.</summary>
public sealed class CommandFailedException(string message) : Exception(message);

/// <summary>
/// The operator's commands (<c>dotnet run --project RtChat.Web -- COMMAND</c>, <c>scripts/run COMMAND</c>): run on the app's
/// own services, without serving. Arguments that name no command (<c>--urls …</c>, or none) start the app as usual.
/// </summary>
public static class OperatorCommands
{
    public const int Failed = 1;

    private static readonly string[] HelpFlags = ["--help", "-h", "-?", "help"];

    /// <summary>Runs the command <paramref name="args"/> name and returns its exit code; null when they name none.</summary>
    public static async Task<int?> RunRtChatCommandAsync(this WebApplicationBuilder builder, string[] args)
    {
        if (args.Length == 0 || (args[0].StartsWith('-') && !HelpFlags.Contains(args[0]))) return null;
        // The operator reads the command's own lines; the app's routine log would bury them.
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        var app = new Lazy<WebApplication>(builder.Build);
        var root = new RootCommand("RtChat operator commands. Without a command, the app starts and serves.")
        {
            CreateAdminCommand.Create(app),
            SeedDemoCommand.Create(app),
            MigrateCommand.Create(app),
        };
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    /// <summary>Runs a command's work in a scope of the app's services: refusals and failures become a message and exit code 1.</summary>
    internal static Func<ParseResult, CancellationToken, Task<int>> Action(Lazy<WebApplication> app, bool prepareDatabase,
        Func<ParseResult, IServiceProvider, CancellationToken, Task> work) =>
        async (parse, cancellationToken) =>
        {
            try
            {
                if (prepareDatabase) await app.Value.PrepareRtChatDatabaseAsync();
                await using var scope = app.Value.Services.CreateAsyncScope();
                await work(parse, scope.ServiceProvider, cancellationToken);
                return 0;
            }
            catch (CommandFailedException refused)
            {
                await Console.Error.WriteLineAsync($"{parse.CommandResult.Command.Name}: {refused.Message}");
                return Failed;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The message names the cause (no database, a bad connection string); the trace would only hide it.
                await Console.Error.WriteLineAsync($"{parse.CommandResult.Command.Name} failed: {e.GetBaseException().Message}");
                return Failed;
            }
        };
}
