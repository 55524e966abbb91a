using System.Globalization;

namespace RtChat.Web.Areas.Admin.Pages;

/// <summary><c>/admin</c>: the site at a glance.</summary>
public class IndexModel(AdminDashboard dashboard) : PageModel
{
    public DashboardFigures Figures { get; private set; } = null!;

    public string UploadSize => Figures.Uploads.Bytes < 1024 * 1024
        ? (Figures.Uploads.Bytes / 1024.0).ToString("0.0 'KiB'", CultureInfo.InvariantCulture)
        : (Figures.Uploads.Bytes / 1024.0 / 1024.0).ToString("0.0 'MiB'", CultureInfo.InvariantCulture);

    public async Task OnGetAsync() => Figures = await dashboard.ReadAsync();
}
