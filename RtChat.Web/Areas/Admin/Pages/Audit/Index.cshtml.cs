using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Moderation;

namespace RtChat.Web.Areas.Admin.Pages.Audit;

/// <summary><c>/admin/audit</c>: the audit log, newest first, paged.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public Paged<AuditEntry> Entries { get; private set; } = null!;

    public async Task OnGetAsync(int p = 1) => Entries = await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Id).PageAsync(p);
}
