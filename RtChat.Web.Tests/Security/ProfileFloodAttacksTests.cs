using System.Net;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Pages.Profile;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Security;

/// <summary>One account saving its profile in a loop: each save may carry an image of megabytes to read and decode.</summary>
public sealed class ProfileFloodAttacksTests : AppFixture
{
    private const int Limit = 2;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["RateLimits:ProfileSavesPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Test]
    public async Task Saving_a_profile_in_a_loop_is_refused_past_the_limit_with_the_reason_in_the_form_while_another_user_saves()
    {
        var (web, user) = await App.SignedUpAsync("looper");
        var (other, _) = await App.SignedUpAsync("calm");
        using var __ = web;
        using var ___ = other;
        for (var save = 1; save <= Limit; save++)
        {
            using var saved = await web.SaveProfileAsync(null, displayName: $"Save {save}", htmx: true);
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), $"save {save} is within the limit");
        }

        using var refused = await web.SaveProfileAsync(null, displayName: "One too many", htmx: true);
        var form = await HtmlPage.ParseAsync(refused);
        using var calm = await other.SaveProfileAsync(null, displayName: "Calm", htmx: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(form.Form(ProfileSteps.FormSelector).QuerySelector(".form-errors")?.TextContent.Trim(), Is.EqualTo(ProfileSaveThrottle.Refusal),
                "the reason shows in the form htmx swaps in");
            Assert.That(await App.QueryAsync(db => db.Profiles.Where(p => p.User.UserName == user.Username).Select(p => p.DisplayName).SingleAsync()),
                Is.EqualTo($"Save {Limit}"), "the refused save changed nothing");
            Assert.That(calm.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "another user is not held back");
        }
    }
}
