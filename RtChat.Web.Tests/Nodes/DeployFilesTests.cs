using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using RtChat.Web.Media;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Nodes;

/// <summary>What an operator copies from deploy/ is valid for nginx and names only settings the app reads.</summary>
public sealed partial class DeployFilesTests
{
    private static string Deploy(string path) => Path.Combine(NginxSite.RepoRoot, "deploy", path);

    [Test]
    public async Task Nginx_takes_the_site_as_generated_for_loopback()
    {
        await using var nginx = new NginxServer([new Uri("http://127.0.0.1:5001"), new Uri("http://127.0.0.1:5002")]);

        var (ok, output) = await nginx.TestConfigAsync();

        Assert.That(ok, Is.True, output);
    }

    [Test]
    public async Task Nginx_takes_the_site_as_installed_with_its_certificate()
    {
        var folder = Directory.CreateTempSubdirectory("rtchat-certificate-");
        try
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var certificate = new CertificateRequest("CN=chat.example.com", key, HashAlgorithmName.SHA256)
                .CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "fullchain.pem"), certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "privkey.pem"), key.ExportPkcs8PrivateKeyPem());
            var site = (await File.ReadAllTextAsync(NginxSite.TemplateFile)).Replace("/etc/letsencrypt/live/chat.example.com", folder.FullName, StringComparison.Ordinal);

            var (ok, output) = await NginxServer.TestSiteAsync(site);

            Assert.That(ok, Is.True, output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void The_site_sends_requests_to_the_ports_the_node_units_listen_on()
    {
        var unitPort = UnitListen().Match(File.ReadAllText(Deploy("systemd/rtchat@.service")));
        Assert.That(unitPort.Success, "the unit listens on --urls http://127.0.0.1:PREFIX%i");

        var upstreams = UpstreamServer().Matches(File.ReadAllText(NginxSite.TemplateFile)).Select(m => m.Groups["address"].Value).ToList();

        Assert.That(upstreams, Is.Not.Empty);
        Assert.That(upstreams, Is.All.Match($@"^127\.0\.0\.1:{unitPort.Groups["prefix"].Value}\d$"), "each upstream is an instance of the unit");
    }

    [Test]
    public void The_site_takes_a_chat_upload_of_as_many_files_as_the_app_allows()
    {
        var media = new MediaOptions();
        var megabytes = long.Parse(BodyLimit().Match(File.ReadAllText(NginxSite.TemplateFile)).Groups["mb"].Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(megabytes * 1024 * 1024, Is.GreaterThanOrEqualTo(media.MaxFilesPerUpload * media.MaxUploadBytes));
    }

    [Test]
    public void Every_key_of_the_environment_file_is_one_the_app_reads()
    {
        var keys = EnvironmentAssignment().Matches(File.ReadAllText(Deploy("rtchat.env")))
            .Select(m => AppConfigurationKeys.FromEnvironmentName(m.Groups["name"].Value)).ToList();

        Assert.That(keys, Has.Count.GreaterThan(10), "the file's assignments were found");
        Assert.That(keys.Where(key => !AppConfigurationKeys.AppReads(key)), Is.Empty);
    }

    [Test]
    public void Every_setting_of_the_node_unit_is_one_the_app_reads()
    {
        var unit = File.ReadAllText(Deploy("systemd/rtchat@.service"));
        var environment = UnitEnvironment().Matches(unit).Select(m => AppConfigurationKeys.FromEnvironmentName(m.Groups["name"].Value));
        var options = CommandLineOption().Matches(UnitExecStart().Match(unit).Value).Select(m => m.Groups["name"].Value).ToList();

        Assert.That(options, Is.Not.Empty, "the ExecStart options were found");
        Assert.That(environment.Concat(options).Where(key => !AppConfigurationKeys.AppReads(key)), Is.Empty);
    }

    [Test]
    public void A_misspelt_or_retired_key_is_not_taken_for_one_the_app_reads()
    {
        Assert.That(AppConfigurationKeys.AppReads("Realtime:Backplane"), Is.True, "named in the source");
        Assert.That(AppConfigurationKeys.AppReads("ConnectionStrings:Redis"), Is.True, "read as a connection string");
        Assert.That(AppConfigurationKeys.AppReads("Media:FilesRoot"), Is.True, "an options property");
        Assert.That(AppConfigurationKeys.AppReads("Realtime:Backplain"), Is.False);
        Assert.That(AppConfigurationKeys.AppReads("Email:Smtp:EnableSsl"), Is.False);
        Assert.That(AppConfigurationKeys.AppReads("ConnectionStrings:Postgres"), Is.False);
        Assert.That(AppConfigurationKeys.AppReads("Media"), Is.False, "a section is no setting");
    }

    [GeneratedRegex(@"--urls\s+http://127\.0\.0\.1:(?<prefix>\d+)%i")]
    private static partial Regex UnitListen();

    [GeneratedRegex(@"^\s*server\s+(?<address>[\d.]+:\d+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"^\s*client_max_body_size\s+(?<mb>\d+)m\s*;", RegexOptions.Multiline)]
    private static partial Regex BodyLimit();

    // Commented examples (#ForwardedHeaders__KnownProxies__0=…) count: an operator uncomments them as they are.
    [GeneratedRegex(@"^#?(?<name>[A-Za-z][A-Za-z0-9_]*)=", RegexOptions.Multiline)]
    private static partial Regex EnvironmentAssignment();

    [GeneratedRegex(@"^Environment=""?(?<name>[A-Za-z][A-Za-z0-9_]*)=", RegexOptions.Multiline)]
    private static partial Regex UnitEnvironment();

    [GeneratedRegex(@"^ExecStart=.*$", RegexOptions.Multiline)]
    private static partial Regex UnitExecStart();

    [GeneratedRegex(@"\s--(?<name>[A-Za-z][\w:]*)")]
    private static partial Regex CommandLineOption();
}
