using RtChat.Web.Domain.Moderation;

namespace RtChat.Web.Data;

/// <summary>
/// Writes the audit log. A line is added to the unit of work only: the save (or transaction) of the action it records
/// commits it, so there is never an action without its line, nor a line for an action that rolled back.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    public void Record(Actor by, AuditAction action, string target, string? detail = null) =>
        db.Add(new AuditEntry(by, action, target, detail, clock.GetUtcNow()));
}
