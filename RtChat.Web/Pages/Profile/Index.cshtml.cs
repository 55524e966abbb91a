using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtChat.Web.Domain;
using RtChat.Web.Web;

namespace RtChat.Web.Pages.Profile;

[Authorize]
public class IndexModel(CurrentUser current) : PageModel
{
    public AppUser Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await current.GetAsync();
        if (user is null) return Challenge();
        Account = user;
        return Page();
    }
}
