namespace RtChat.Web.Pages;

/// <summary>Status-code pages and the exception handler re-execute here, so errors wear our layout.</summary>
[AllowAnonymous, IgnoreAntiforgeryToken, ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        Code = code is >= 400 and < 600 ? code.Value : 500;
        (Title, Explanation) = Code switch
        {
            400 => ("Bad request", "The request was malformed or its form had expired. Go back, reload the page and try again."),
            403 => ("Not allowed", "You don't have access to this page."),
            404 => ("Page not found", "The page you are looking for doesn't exist or was removed."),
            429 => ("Slow down", "Too many requests. Wait a moment and try again."),
            _ when Code >= 500 => ("Something went wrong", "An unexpected error happened on our side. Try again in a moment."),
            _ => ("Request failed", "The request could not be completed."),
        };
        // Direct visits to /error answer with the code they show; re-executed requests already carry it.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            Response.StatusCode = Code;
    }
}
