using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RtChat.Web.Tests.Support;

/// <summary>
/// The nginx site operators install, <c>deploy/nginx/rtchat.conf</c>, made to run on loopback over plain http: its
/// upstream names the given nodes, the line marked <c># loopback: listen</c> listens on the given port, the lines
/// marked <c># loopback: drop</c> (TLS, the https redirect) are left out. The tests, the bench and scripts/cluster
/// (through the bench) all run this copy, so what they prove is about the file in deploy/.
/// </summary>
public static partial class NginxSite
{
    public const string UpstreamName = "rtchat_nodes";
    private const string ListenMark = "# loopback: listen";
    private const string DropMark = "# loopback: drop";

    /// <summary>The repository's root (the folder with RtChat.slnx), found upwards from the running binaries.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string TemplateFile => Path.Combine(RepoRoot, "deploy", "nginx", "rtchat.conf");

    /// <summary>The site (http context) listening on 127.0.0.1:<paramref name="port"/>, proxying to <paramref name="nodes"/>.</summary>
    public static string OnLoopback(int port, IEnumerable<Uri> nodes)
    {
        var servers = nodes.Select(node => $"    server {node.Authority};").ToList();
        if (servers.Count == 0) throw new ArgumentException("nginx needs at least one node.", nameof(nodes));
        var site = new StringBuilder();
        var inUpstream = false;
        var serversWritten = false;
        var listens = 0;
        foreach (var line in File.ReadLines(TemplateFile))
        {
            // A mark ends its line, so the file's own comments may name the marks.
            if (line.EndsWith(DropMark, StringComparison.Ordinal)) continue;
            if (line.EndsWith(ListenMark, StringComparison.Ordinal))
            {
                site.AppendLine(CultureInfo.InvariantCulture, $"    listen 127.0.0.1:{port};");
                listens++;
                continue;
            }
            if (UpstreamStart().IsMatch(line)) inUpstream = true;
            else if (inUpstream && line.Trim() == "}") inUpstream = false;
            else if (inUpstream && UpstreamServer().IsMatch(line))
            {
                if (!serversWritten) servers.ForEach(s => site.AppendLine(s));
                serversWritten = true;
                continue;
            }
            site.AppendLine(line);
        }
        if (listens != 1 || !serversWritten)
            throw new InvalidOperationException(
                $"{TemplateFile} needs one line marked \"{ListenMark}\" and `server` lines in `upstream {UpstreamName}`; found {listens} and {(serversWritten ? "some" : "none")}.");
        return site.ToString();
    }

    /// <summary>
    /// A whole nginx.conf around <paramref name="site"/> that keeps everything (pid, logs, temp files) under
    /// <paramref name="prefix"/>, so it runs beside any system nginx without touching /etc/nginx. Its access log
    /// names the node that served each request.
    /// </summary>
    public static string MainConfig(string site, string prefix, int workers = 1)
    {
        // As root, nginx's workers would switch to "nobody", who may not write the temp folders below.
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        return $$"""
            {{user}}worker_processes {{workers}};
            worker_rlimit_nofile 200000;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 65536; }
            http {
                log_format upstreams '$upstream_addr $status $request_uri';
                access_log {{prefix}}/access.log upstreams;
                client_body_temp_path {{prefix}}/client_body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
            {{site}}
            }
            """;
    }

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "RtChat.slnx")))
                    return dir.FullName;
        throw new InvalidOperationException("Could not find the repository root (RtChat.slnx), where deploy/ is.");
    }

    [GeneratedRegex(@"^\s*upstream\s+" + UpstreamName + @"\s*\{")]
    private static partial Regex UpstreamStart();

    [GeneratedRegex(@"^\s*server\s+\S+")]
    private static partial Regex UpstreamServer();
}
