using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages;

public sealed class ServerErrorTests : AppFixture
{
    private const string FailHeader = "X-Test-Fail";

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<MvcOptions>(mvc => mvc.Filters.Add(new FailWhenAsked()));

    [Test]
    public async Task An_unhandled_exception_answers_500_with_our_error_page_and_no_details()
    {
        using var web = App.NewSession();
        using var request = new HttpRequestMessage(HttpMethod.Get, AccountSteps.LoginPath);
        request.Headers.Add(FailHeader, "1");

        using var response = await web.SendAsync(request);

        var page = await HtmlPage.ParseAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(page.TestId("error-page")?.TextContent, Does.Contain("Something went wrong"));
            Assert.That(page.Document.QuerySelector("header a[aria-label='RtChat home']"), Is.Not.Null, "the page wears the site layout");
            Assert.That(page.Text, Does.Not.Contain(nameof(FailWhenAsked)), "no stack trace reaches the visitor");
        }
    }

    /// <summary>Throws on the pages of requests carrying the header, but not on the error page that handles it.</summary>
    private sealed class FailWhenAsked : IPageFilter
    {
        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            var http = context.HttpContext;
            if (http.Request.Headers.ContainsKey(FailHeader) && http.Features.Get<IExceptionHandlerFeature>() is null)
                throw new InvalidOperationException($"{nameof(FailWhenAsked)} was asked to fail.");
        }

        public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
    }
}
