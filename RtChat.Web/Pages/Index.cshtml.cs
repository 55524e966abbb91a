using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RtChat.Web.Pages;

public class IndexModel : PageModel
{
    public void OnGet() { }
}
