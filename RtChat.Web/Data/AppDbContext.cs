using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Domain.Moderation;
using RtChat.Web.Media.Attachments;

namespace RtChat.Web.Data;

/// <summary>The one model. Each provider has a thin subclass so it keeps its own migrations.</summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    // Looked up, not injected: pooled contexts take their options only. Absent at design time, which never saves.
    private DomainEventDispatcher? Events =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<DomainEventDispatcher>();

    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<ChatRoom> Rooms => Set<ChatRoom>();
    public DbSet<ChatMessage> Messages => Set<ChatMessage>();
    public DbSet<MessageChange> MessageChanges => Set<MessageChange>();
    public DbSet<Reaction> Reactions => Set<Reaction>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Removal> Removals => Set<Removal>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<MessageMention> Mentions => Set<MessageMention>();
    public DbSet<DeletedFile> DeletedFiles => Set<DeletedFile>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Events is { } events)
            await events.DispatchAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Events?.DispatchAsync(this, CancellationToken.None).GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
