using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RtChat.Bench.Infrastructure;

/// <summary>One figure beside its reference (measured in the same run) and its target on this machine.</summary>
public sealed record Figure(
    string Name, double? Value, string Unit, double? Reference = null, string? ReferenceName = null, string? Target = null,
    bool? Met = null, string? Note = null)
{
    public double? Ratio => Value is { } v && Reference is { } r && r != 0 && !double.IsNaN(v) && !double.IsNaN(r) ? v / r : null;
}

/// <summary>A table of per-step rows (stepped scenarios), printed as Markdown and kept in the JSON.</summary>
public sealed class StepTable(string title, params string[] columns)
{
    public string Title { get; } = title;
    public IReadOnlyList<string> Columns { get; } = columns;
    public List<object?[]> Rows { get; } = [];

    public void Add(params object?[] row) => Rows.Add(row);
}

/// <summary>What a scenario prints (Markdown) and writes (JSON): figures, step tables, checks, the machine and the command.</summary>
public sealed class Report(string scenario, Args args)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Scenario { get; } = scenario;
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;
    public string Command { get; } = "dotnet run -c Release --project bench/RtChat.Bench -- " + args.Raw;
    public bool Smoke { get; } = args.Smoke;
    public List<Figure> Figures { get; } = [];
    public List<StepTable> Tables { get; } = [];
    public Dictionary<string, object?> Details { get; } = [];

    /// <summary>What must hold for the run to count (zero loss in a smoke, the right number of messages on a page...).</summary>
    public List<(string Check, bool Ok, string Detail)> Checks { get; } = [];

    public bool Ok => Checks.All(c => c.Ok);

    public Figure Add(Figure figure)
    {
        Figures.Add(figure);
        return figure;
    }

    public StepTable Table(string title, params string[] columns)
    {
        var table = new StepTable(title, columns);
        Tables.Add(table);
        return table;
    }

    public void Check(string check, bool ok, string detail = "")
    {
        Checks.Add((check, ok, detail));
        Log.Line($"{(ok ? "ok  " : "FAIL")} {check}{(detail.Length > 0 ? ": " + detail : "")}");
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"### {Scenario}{(Smoke ? " (smoke: tiny, not a measurement)" : "")}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"`{Command}` — {Started:yyyy-MM-dd HH:mm} UTC, {Machine.Summary}");
        md.AppendLine();
        md.AppendLine("| figure | value | reference | ratio | target | met |");
        md.AppendLine("| --- | ---: | ---: | ---: | --- | :---: |");
        foreach (var f in Figures)
        {
            var reference = f.Reference is null ? "" : $"{Format(f.Reference, f.Unit)}{(f.ReferenceName is null ? "" : $" ({f.ReferenceName})")}";
            var ratio = f.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "";
            var met = Smoke ? "" : f.Met switch { true => "yes", false => "**no**", null => "" };
            var note = f.Note is null ? "" : $" — {f.Note}";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Name}{note} | {Format(f.Value, f.Unit)} | {reference} | {ratio} | {f.Target ?? ""} | {met} |");
        }
        foreach (var table in Tables)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"{table.Title}:");
            md.AppendLine();
            md.AppendLine("| " + string.Join(" | ", table.Columns) + " |");
            md.AppendLine("|" + string.Concat(table.Columns.Select(_ => " ---: |")));
            foreach (var row in table.Rows)
                md.AppendLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
        }
        if (Checks.Count > 0)
        {
            md.AppendLine();
            foreach (var (check, ok, detail) in Checks)
                md.AppendLine(CultureInfo.InvariantCulture, $"- {(ok ? "ok" : "**FAILED**")}: {check}{(detail.Length > 0 ? $" ({detail})" : "")}");
        }
        return md.ToString();
    }

    public string WriteJson(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Scenario + ".json");
        var document = new
        {
            scenario = Scenario,
            smoke = Smoke,
            date = Started,
            command = Command,
            machine = Machine.Describe(),
            ok = Ok,
            figures = Figures.Select(f => new
            {
                name = f.Name, value = Clean(f.Value), unit = f.Unit, reference = Clean(f.Reference), referenceName = f.ReferenceName,
                ratio = Clean(f.Ratio), target = f.Target, met = f.Met, note = f.Note,
            }),
            tables = Tables.Select(t => new
            {
                title = t.Title,
                rows = t.Rows.Select(row => t.Columns.Select((c, i) => (c, v: i < row.Length ? row[i] : null))
                    .ToDictionary(x => x.c, x => x.v is double d ? Clean(d) : x.v)),
            }),
            checks = Checks.Select(c => new { check = c.Check, ok = c.Ok, detail = c.Detail }),
            details = Details,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
        return path;
    }

    private static double? Clean(double? value) => value is { } v && (double.IsNaN(v) || double.IsInfinity(v)) ? null : value;

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "–",
        double d => d >= 100 ? d.ToString("N0", CultureInfo.InvariantCulture) : d.ToString("0.0", CultureInfo.InvariantCulture),
        int i => i.ToString("N0", CultureInfo.InvariantCulture),
        long l => l.ToString("N0", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        _ => value.ToString() ?? "",
    };

    public static string Format(double? value, string unit)
    {
        if (value is not { } v || double.IsNaN(v)) return "–";
        var number = unit switch
        {
            "ms" when v < 10 => v.ToString("0.00", CultureInfo.InvariantCulture),
            "ms" => v.ToString("0.0", CultureInfo.InvariantCulture),
            "KB" or "MB" when v < 100 => v.ToString("0.0", CultureInfo.InvariantCulture),
            "count" or "" or "clients" => v.ToString("N0", CultureInfo.InvariantCulture),
            _ when v >= 100 => v.ToString("N0", CultureInfo.InvariantCulture),
            _ => v.ToString("0.0", CultureInfo.InvariantCulture),
        };
        return unit is "" or "count" ? number : $"{number} {unit}";
    }
}

/// <summary>The machine the figures were taken on.</summary>
public static class Machine
{
    public static string Summary
    {
        get
        {
            var m = Describe();
            return $"{m["cpus"]} CPUs ({m["cpu"]}), {m["memory"]}, {m["os"]}, {m["runtime"]}";
        }
    }

    public static Dictionary<string, string> Describe() => new()
    {
        ["cpus"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
        ["cpu"] = FirstLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        ["memory"] = FirstLine("/proc/meminfo", "MemTotal") is { } mem
            ? $"{long.Parse(mem.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture) / 1024.0 / 1024.0:0.0} GiB"
            : "?",
        ["os"] = (FirstLine("/etc/os-release", "PRETTY_NAME", '=') ?? RuntimeInformation.OSDescription).Trim('"')
                 + (File.Exists("/proc/sys/kernel/osrelease") ? ", Linux " + File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : ""),
        ["runtime"] = RuntimeInformation.FrameworkDescription,
    };

    private static string? FirstLine(string path, string key, char separator = ':')
    {
        if (!File.Exists(path)) return null;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(separator) + 1)..].Trim();
    }
}

public static class Log
{
    private static readonly DateTime Start = DateTime.UtcNow;

    public static void Line(string text) =>
        Console.Error.WriteLine($"[{(DateTime.UtcNow - Start).TotalSeconds,7:0.0}s] {text}");
}
