using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Cli;

/// <summary><c>dotnet RtChat.Web.dll --help</c> and what it says to words it does not know.</summary>
public sealed class OperatorCommandsTests
{
    private CommandRun _run = null!;

    [OneTimeSetUp]
    public void Start() => _run = new CommandRun();

    [OneTimeTearDown]
    public void Stop() => _run.Dispose();

    [Test]
    public async Task Help_lists_every_command_and_exits_0()
    {
        var help = await _run.RunAsync("--help");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(help.ExitCode, Is.Zero, help.ToString());
            Assert.That(help.Output, Does.Contain("create-admin").And.Contain("seed-demo").And.Contain("migrate"));
            Assert.That(File.Exists(_run.DatabaseFile), Is.False, "help touches no database");
        }
    }

    [TestCase("frobnicate")]
    [TestCase("seed-demo", "--everything")]
    [TestCase("create-admin", "--username")]
    public async Task Words_it_does_not_know_are_named_and_exit_non_zero_without_a_stack_trace(params string[] args)
    {
        var refused = await _run.RunAsync(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.ExitCode, Is.Not.Zero, refused.ToString());
            Assert.That(refused.Error, Does.Contain(args[^1]));
            Assert.That(refused.ShowsStackTrace, Is.False, refused.ToString());
        }
    }

    [Test]
    public async Task A_database_that_cannot_be_opened_is_a_one_line_failure_not_a_stack_trace()
    {
        // A folder where the database file should be: SQLite cannot open it.
        var broken = await _run.RunAsync(new Dictionary<string, string> { ["ConnectionStrings__Sqlite"] = $"Data Source={_run.Root}" }, "migrate");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(broken.ExitCode, Is.Not.Zero, broken.ToString());
            Assert.That(broken.Error, Does.StartWith("migrate failed: "));
            Assert.That(broken.ShowsStackTrace, Is.False, broken.ToString());
        }
    }
}
