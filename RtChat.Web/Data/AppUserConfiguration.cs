using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RtChat.Web.Data;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.UserName).HasMaxLength(Username.MaxLength);
        user.Property(u => u.NormalizedUserName).HasMaxLength(Username.MaxLength);
        // Identity checks email uniqueness in code; the index closes the race between two sign-ups.
        user.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
        user.Property(u => u.JoinedAt);
        user.Property(u => u.PendingEmail).HasMaxLength(256);
        user.Ignore(u => u.DomainEvents);
    }
}
