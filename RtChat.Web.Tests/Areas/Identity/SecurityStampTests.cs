using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Identity;

/// <summary>A password change elsewhere ends the other sessions: at once, and in any case when their stamp is next checked.</summary>
public abstract class SecurityStampFixture : AppFixture
{
    protected sealed record TwoSessions(WebSession Kept, WebSession Other) : IDisposable
    {
        public void Dispose()
        {
            Kept.Dispose();
            Other.Dispose();
        }
    }

    protected static async Task<TwoSessions> TwoSessionsThenPasswordChangedInOtherAsync(RtChatApp app)
    {
        var user = TestUser.Create();
        var other = app.NewSession();
        await other.RegisterAsync(user);
        var kept = app.NewSession();
        using (await kept.PostLoginAsync(user.Username, user.Password)) { }
        Assert.That(kept.IsSignedIn, Is.True);

        var form = await other.GetPageAsync("/Identity/Account/Manage/ChangePassword");
        await other.SubmitAndFollowAsync(form, fields: new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = "another-secret-42",
        });
        return new TwoSessions(kept, other);
    }
}

public sealed class SecurityStampDueTests : SecurityStampFixture
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

    [Test]
    public async Task A_password_change_signs_the_other_sessions_out_when_their_stamp_is_checked()
    {
        using var sessions = await TwoSessionsThenPasswordChangedInOtherAsync(App);

        using var stale = await sessions.Kept.GetAsync("/");
        using var fresh = await sessions.Other.GetAsync("/");

        using (Assert.EnterMultipleScope())
        {
            AccountSteps.AssertRedirectsToLogin(stale);
            Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the session that changed it stays signed in");
        }
    }
}

/// <summary>With the periodic check far off (the default 30 minutes), the revocation itself ends the other sessions.</summary>
public sealed class SecurityStampNotDueTests : SecurityStampFixture
{
    [Test]
    public async Task A_password_change_signs_the_other_sessions_out_at_once_without_waiting_for_the_interval()
    {
        using var sessions = await TwoSessionsThenPasswordChangedInOtherAsync(App);

        using var stale = await sessions.Kept.GetAsync("/");
        using var fresh = await sessions.Other.GetAsync("/");

        using (Assert.EnterMultipleScope())
        {
            AccountSteps.AssertRedirectsToLogin(stale);
            Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the session that changed it stays signed in");
        }
    }
}
