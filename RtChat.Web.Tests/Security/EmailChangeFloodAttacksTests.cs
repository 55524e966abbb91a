using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Security;

/// <summary>Guessing the password on the email form, or mail-bombing addresses with change requests, from one client.</summary>
public sealed class EmailChangeFloodAttacksTests : AppFixture
{
    private const int Limit = 4;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["RateLimits:AccountFormsPerMinute"] = Limit.ToString() };

    [Test]
    public async Task Email_change_posts_past_the_limit_answer_429()
    {
        var (web, _) = await App.SignedUpAsync("flooder"); // the sign-up is one account-form post
        using var __ = web;
        for (var i = 1; i < Limit; i++)
        {
            using var allowed = await web.RequestEmailChangeAsync(TestUser.Create("target").Email, $"guess-{i}");
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"post {i} is within the limit");
        }

        using var refused = await web.RequestEmailChangeAsync(TestUser.Create("target").Email, "guess-last");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }
}
