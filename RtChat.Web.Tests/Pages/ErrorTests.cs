using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages;

public sealed class ErrorTests : AppFixture
{
    [Test]
    public async Task Unknown_url_answers_404_with_our_error_page_in_the_layout()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync("/no/such/page");

        var page = await HtmlPage.ParseAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(page.TestId("error-page")?.TextContent, Does.Contain("Page not found"));
            Assert.That(page.Document.QuerySelector("header a[aria-label='RtChat home']"), Is.Not.Null, "the page wears the site layout");
        }
    }

    [Test]
    public async Task Direct_visit_to_an_error_page_answers_with_its_code()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync("/error/403");

        var page = await HtmlPage.ParseAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(page.TestId("error-page")?.TextContent, Does.Contain("Not allowed"));
        }
    }
}
