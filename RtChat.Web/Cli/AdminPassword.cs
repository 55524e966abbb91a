using System.Text;

namespace RtChat.Web.Cli;

/// <summary>Where create-admin's password comes from: the option, the environment, or the terminal (typed twice, not echoed).</summary>
internal static class AdminPassword
{
    public static string Resolve(string? option, string variable)
    {
        if (!string.IsNullOrEmpty(option)) return option;
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnvironment) return fromEnvironment;
        if (Console.IsInputRedirected)
            throw new CommandFailedException($"No password: pass --password, set {variable}, or run in a terminal to be asked.");
        var first = Read("Password: ");
        if (Read("Password again: ") != first)
            throw new CommandFailedException("The two passwords differ.");
        return first;
    }

    private static string Read(string prompt)
    {
        Console.Write(prompt);
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.WriteLine();
        return typed.ToString();
    }
}
