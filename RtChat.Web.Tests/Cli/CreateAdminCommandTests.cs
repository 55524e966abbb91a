using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Cli;

/// <summary><c>create-admin</c>: a confirmed admin with a profile, the role for an existing user, and clear refusals.</summary>
public sealed class CreateAdminCommandTests
{
    private CommandRun _run = null!;

    [OneTimeSetUp]
    public void Start() => _run = new CommandRun();

    [OneTimeTearDown]
    public void Stop() => _run.Dispose();

    private Task<bool> HasUserAsync(string username) => _run.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == username));

    [Test]
    public async Task Creates_a_confirmed_admin_with_a_profile_from_a_clean_database()
    {
        var created = await _run.RunAsync("create-admin", "--username", "Boss", "--email", "boss@example.test", "--password", "a long passphrase");

        var user = await _run.QueryAsync(db => db.Users.Where(u => u.UserName == "boss")
            .Select(u => new { u.Id, u.EmailConfirmed, HasProfile = db.Profiles.Any(p => p.UserId == u.Id) }).SingleOrDefaultAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.ExitCode, Is.Zero, created.ToString());
            Assert.That(created.Output, Does.Contain("@boss"));
            Assert.That(user, Is.Not.Null, "the username is stored lowercase");
            Assert.That(user!.EmailConfirmed, Is.True);
            Assert.That(user.HasProfile, Is.True, "the profile comes through the same domain event as a sign-up");
            Assert.That(await _run.QueryAsync(db => db.IsAdminAsync(user.Id)), Is.True);
            Assert.That(await _run.QueryAsync(db => db.AuditLog.AnyAsync(e => e.Target == "@boss" && e.ActorName == "command line")), Is.True);
        }
    }

    [Test]
    public async Task Takes_the_password_from_the_environment_variable()
    {
        var created = await _run.RunAsync(new Dictionary<string, string> { ["RTCHAT_ADMIN_PASSWORD"] = "from the environment" },
            "create-admin", "--username", "envboss", "--email", "envboss@example.test");

        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        Assert.That(await HasUserAsync("envboss"), Is.True);
    }

    [Test]
    public async Task Without_a_password_or_a_terminal_it_says_where_to_give_one()
    {
        var refused = await _run.RunAsync("create-admin", "--username", "nopass", "--email", "nopass@example.test");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.ExitCode, Is.Not.Zero, refused.ToString());
            Assert.That(refused.Error, Does.Contain("--password").And.Contain("RTCHAT_ADMIN_PASSWORD"));
            Assert.That(refused.ShowsStackTrace, Is.False, refused.ToString());
            Assert.That(await HasUserAsync("nopass"), Is.False);
        }
    }

    [Test]
    public async Task A_missing_email_is_named_and_nothing_is_made()
    {
        var refused = await _run.RunAsync("create-admin", "--username", "noemail", "--password", "a long passphrase");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.ExitCode, Is.Not.Zero, refused.ToString());
            Assert.That(refused.Error, Does.Contain("--email"));
            Assert.That(refused.ShowsStackTrace, Is.False, refused.ToString());
        }
    }

    [Test]
    public async Task A_weak_password_or_a_bad_username_is_refused_with_the_rule()
    {
        var weak = await _run.RunAsync("create-admin", "--username", "weakling", "--email", "weak@example.test", "--password", "short");
        var bad = await _run.RunAsync("create-admin", "--username", "no spaces!", "--email", "bad@example.test", "--password", "a long passphrase");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(weak.ExitCode, Is.Not.Zero, weak.ToString());
            Assert.That(weak.Error, Does.Contain("8"), "the password rule is said");
            Assert.That(bad.ExitCode, Is.Not.Zero, bad.ToString());
            Assert.That(weak.ShowsStackTrace || bad.ShowsStackTrace, Is.False);
            Assert.That(await HasUserAsync("weakling"), Is.False, "nothing half-made");
        }
    }

    [Test]
    public async Task Running_again_for_an_existing_user_grants_the_role_and_keeps_the_password()
    {
        var demo = await _run.RunAsync("seed-demo");
        Assume.That(demo.ExitCode, Is.Zero, demo.ToString());

        var granted = await _run.RunAsync("create-admin", "--username", "carol", "--email", "carol@demo.rtchat.local");
        var again = await _run.RunAsync("create-admin", "--username", "carol", "--email", "carol@demo.rtchat.local");
        var stranger = await _run.RunAsync("create-admin", "--username", "dave", "--email", "someone.else@example.test");

        var carol = await _run.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == "carol"));
        var dave = await _run.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == "dave"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(granted.ExitCode, Is.Zero, granted.ToString());
            Assert.That(await _run.QueryAsync(db => db.IsAdminAsync(carol.Id)), Is.True);
            Assert.That(again.ExitCode, Is.Zero, again.ToString());
            Assert.That(again.Output, Does.Contain("already an admin"));
            Assert.That(stranger.ExitCode, Is.Not.Zero, "another address does not make someone else's account an admin");
            Assert.That(await _run.QueryAsync(db => db.IsAdminAsync(dave.Id)), Is.False);
        }
    }
}
