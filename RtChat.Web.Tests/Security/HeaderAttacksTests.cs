using RtChat.Web.Tests.Support;
using RtChat.Web.Web;

namespace RtChat.Web.Tests.Security;

/// <summary>
/// Framing a page to trick clicks (clickjacking), having a browser sniff a response into something it runs, leaking
/// addresses in the Referer, running injected script: every kind of answer the app gives says no to each.
/// </summary>
public sealed class HeaderAttacksTests : AppFixture
{
    private static readonly (string Path, bool SignedIn, bool Htmx)[] Answers =
    [
        ("/", true, false),
        (RoomSteps.ListPath, true, true),
        ("/profile/edit", true, false),
        (AccountSteps.LoginPath, false, false),
        ("/no-such-page", false, false),
        ("/css/site.css", false, false),
        ("/images/avatar.svg", false, false),
        (WebSetup.HealthPath, false, false),
    ];

    [Test]
    public async Task Every_kind_of_answer_forbids_framing_sniffing_foreign_scripts_and_cross_site_referrers()
    {
        var (signedIn, _) = await App.SignedUpAsync("headers");
        using var anonymous = App.NewSession();
        using var __ = signedIn;

        var missing = new List<string>();
        foreach (var (path, asUser, htmx) in Answers)
        {
            using var response = await (asUser ? signedIn : anonymous).GetAsync(path, htmx);
            string Header(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";
            var policy = Header("Content-Security-Policy");
            if (Header("X-Content-Type-Options") != "nosniff") missing.Add($"{path}: nosniff");
            if (Header("X-Frame-Options") != "DENY" || !policy.Contains("frame-ancestors 'none'", StringComparison.Ordinal)) missing.Add($"{path}: framing");
            if (Header("Referrer-Policy") != "same-origin") missing.Add($"{path}: referrer");
            if (!policy.Contains("script-src 'self';", StringComparison.Ordinal) || !policy.Contains("object-src 'none'", StringComparison.Ordinal))
                missing.Add($"{path}: scripts");
        }

        Assert.That(missing, Is.Empty);
    }
}
