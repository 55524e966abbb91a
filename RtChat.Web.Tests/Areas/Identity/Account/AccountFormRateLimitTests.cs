using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Areas.Identity.Account;

public sealed class AccountFormRateLimitTests : AppFixture
{
    private const int Limit = 3;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["RateLimits:AccountFormsPerMinute"] = Limit.ToString() };

    [Test]
    public async Task Account_form_posts_past_the_limit_answer_429_with_a_readable_page_while_reads_go_on()
    {
        using var web = App.NewSession();
        for (var i = 0; i < Limit; i++)
        {
            using var allowed = await web.PostLoginAsync("nobody", "wrong-password");
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"post {i + 1} is within the limit");
        }

        using var refused = await web.PostLoginAsync("nobody", "wrong-password");
        var page = await HtmlPage.ParseAsync(refused);
        using var read = await web.GetAsync(AccountSteps.LoginPath);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(refused.Headers.RetryAfter, Is.Not.Null, "the client is told when to try again");
            Assert.That(page.TestId("error-page")?.TextContent, Does.Contain("Slow down"));
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), "reading the form is not limited");
        }
    }
}
