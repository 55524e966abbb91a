using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RtChat.Web.Data;

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> profile)
    {
        profile.HasKey(p => p.UserId);
        profile.HasOne(p => p.User).WithOne(u => u.Profile).HasForeignKey<Profile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        profile.Property(p => p.DisplayName).HasMaxLength(Profile.DisplayNameMaxLength);
        profile.Property(p => p.Info).HasMaxLength(Profile.InfoMaxLength);
        profile.Property(p => p.AvatarKey).HasMaxLength(128);
        profile.Ignore(p => p.Name);
        profile.Ignore(p => p.AvatarUrl);
    }
}
