namespace RtChat.Web.Domain.Moderation;

/// <summary>What an admin, or the operator at the command line, did: kept in the database, shown in the admin area.</summary>
public enum AuditAction
{
    AdminCreated, AdminGranted, AdminRevoked, EmailConfirmed, UserLocked, UserUnlocked, UserBanned, UserDeleted,
    RoomRenamed, RoomDeleted, MessageDeleted, DemoSeeded,
}

/// <summary>Who did it: a signed-in admin, or the command line (no account).</summary>
public sealed record Actor(string? Id, string Name)
{
    public static readonly Actor CommandLine = new(null, "command line");
}

/// <summary>One line of the audit log: who did what to whom, when, and a detail.</summary>
public class AuditEntry
{
    public const int NameMaxLength = 256;
    public const int TargetMaxLength = 300;
    public const int DetailMaxLength = 1000;

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The actor's user id; no foreign key, so the log outlives a deleted admin (their name stays).</summary>
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public AuditAction Action { get; private set; }

    /// <summary>What it was done to, as a person reads it ("@alice", "room “Hikers”", "message 42").</summary>
    public string Target { get; private set; } = "";
    public string? Detail { get; private set; }

    private AuditEntry() { }

    public AuditEntry(Actor by, AuditAction action, string target, string? detail, DateTimeOffset at)
    {
        ActorId = by.Id;
        ActorName = Cut(by.Name, NameMaxLength);
        Action = action;
        Target = Cut(target, TargetMaxLength);
        Detail = detail is null ? null : Cut(detail, DetailMaxLength);
        At = at;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
