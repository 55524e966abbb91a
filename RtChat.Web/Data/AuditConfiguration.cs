using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtChat.Web.Domain.Moderation;

namespace RtChat.Web.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditLog");
        entry.Property(e => e.ActorId).HasMaxLength(450);
        entry.Property(e => e.ActorName).HasMaxLength(AuditEntry.NameMaxLength);
        // By name: a reordered enum must not rename what the log says happened.
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(32);
        entry.Property(e => e.Target).HasMaxLength(AuditEntry.TargetMaxLength);
        entry.Property(e => e.Detail).HasMaxLength(AuditEntry.DetailMaxLength);
    }
}

/// <summary>The one role the app knows, there from the first migration on, so granting it never has to make it.</summary>
internal sealed class AdminRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> role) =>
        role.HasData(new IdentityRole
        {
            Id = Admins.RoleId,
            Name = Admins.Role,
            NormalizedName = Admins.Role.ToUpperInvariant(),
            ConcurrencyStamp = "7c0b3f0e-admin-role",
        });
}
