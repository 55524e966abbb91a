using System.Reflection;
using System.Text.Json.Nodes;

namespace RtChat.Web.Tests.Support;

/// <summary>
/// Whether the app reads a configuration key (e.g. <c>Media:FilesRoot</c>): appsettings.json has it, an options class
/// bound to its section has the property, or the app's source names it (<c>"Realtime:Backplane"</c>,
/// <c>GetConnectionString("Redis")</c>). A key that is none of these is set for nothing.
/// </summary>
public static class AppConfigurationKeys
{
    /// <summary>Read by the ASP.NET Core host itself, not by the app's code.</summary>
    private static readonly string[] HostKeys = ["ASPNETCORE_ENVIRONMENT", "urls"];

    private static readonly string WebFolder = Path.Combine(NginxSite.RepoRoot, "RtChat.Web");
    private static readonly JsonNode AppSettings = JsonNode.Parse(File.ReadAllText(Path.Combine(WebFolder, "appsettings.json")))!;
    private static readonly Lazy<string> Source = new(() => string.Join('\n',
        Directory.EnumerateFiles(WebFolder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)));

    /// <summary>An environment variable's configuration key: <c>Email__Smtp__Host</c> → <c>Email:Smtp:Host</c>.</summary>
    public static string FromEnvironmentName(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    public static bool AppReads(string key)
    {
        if (HostKeys.Contains(key, StringComparer.OrdinalIgnoreCase)) return true;
        // A list's items (KnownProxies:0) are the list's key.
        var path = key.Split(':').Where(segment => !segment.All(char.IsAsciiDigit)).ToArray();
        return InAppSettings(path) || InOptionsClass(path) || NamedInSource(path);
    }

    private static bool InAppSettings(string[] path)
    {
        JsonNode? node = AppSettings;
        foreach (var segment in path)
        {
            if (node is not JsonObject section) return false;
            var match = section.FirstOrDefault(p => string.Equals(p.Key, segment, StringComparison.OrdinalIgnoreCase));
            if (match.Key is null) return false;
            node = match.Value;
        }
        return node is not JsonObject;
    }

    private static bool InOptionsClass(string[] path) =>
        path.Length > 1 && typeof(Program).Assembly.GetTypes().Any(type =>
            type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } section
            && string.Equals((string?)section.GetRawConstantValue(), path[0], StringComparison.OrdinalIgnoreCase)
            && HasSettableProperty(type, path[1..]));

    private static bool HasSettableProperty(Type type, string[] path)
    {
        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null) return false;
        return path.Length == 1 ? property.SetMethod is { IsPublic: true } : HasSettableProperty(property.PropertyType, path[1..]);
    }

    private static bool NamedInSource(string[] path) =>
        path.Length > 1 && Source.Value.Contains($"\"{string.Join(':', path)}\"", StringComparison.Ordinal)
        || (path is ["ConnectionStrings", var name] && Source.Value.Contains($"GetConnectionString(\"{name}\")", StringComparison.Ordinal));
}
