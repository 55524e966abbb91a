namespace RtChat.Web.Areas.Admin.Pages;

/// <summary><c>/admin</c>: the site at a glance.</summary>
public class IndexModel(AdminDashboard dashboard) : PageModel
{
    public DashboardFigures Figures { get; private set; } = null!;

    public string UploadSize => Components.Chat.AttachmentView.HumanSizeOf(Figures.Uploads.Bytes);

    public async Task OnGetAsync() => Figures = await dashboard.ReadAsync();
}
