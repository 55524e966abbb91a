using System.Globalization;

namespace RtChat.Bench.Infrastructure;

/// <summary><c>SCENARIO [--name value | --flag]...</c>: the scenario's options, each read with its default.</summary>
public sealed class Args
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    public Args(IReadOnlyList<string> args)
    {
        Scenario = args.Count > 0 ? args[0] : "help";
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"Unexpected argument \"{arg}\": options are --name value or --flag.");
            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            _values[name] = value;
        }
        Raw = string.Join(' ', args);
    }

    public string Scenario { get; }
    public string Raw { get; }

    /// <summary>Tiny and quick: the same code paths in seconds, for scripts/test. Counts are checked, speed is not.</summary>
    public bool Smoke => Flag("smoke");

    public bool Flag(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) && value is null or "true" or "1";
    }

    public string? Text(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) ? value : null;
    }

    public string Text(string name, string fallback) => Text(name) ?? fallback;

    public int Int(string name, int normal, int smoke) =>
        Text(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : Smoke ? smoke : normal;

    public double Double(string name, double normal, double smoke) =>
        Text(name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : Smoke ? smoke : normal;

    public IReadOnlyList<int> Ints(string name, string normal, string smoke) =>
        (Text(name) ?? (Smoke ? smoke : normal)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList();

    /// <summary>Options given but never read: most likely a typo, so the run stops before it starts.</summary>
    public IEnumerable<string> Unread => _values.Keys.Where(k => !_read.Contains(k));
}
