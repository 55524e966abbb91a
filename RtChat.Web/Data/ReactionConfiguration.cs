using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data;

internal sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> reaction)
    {
        // One of each emoji per person; a page's reactions are read by message id, the key's first part.
        reaction.HasKey(r => new { r.MessageId, r.UserId, r.Emoji });
        reaction.Property(r => r.Emoji).HasConversion(emoji => Reaction.CodeOf(emoji), code => Reaction.EmojiOf(code));
        reaction.HasOne<ChatMessage>().WithMany(m => m.Reactions).HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        // No database cascade from users: SQL Server refuses a second path (users → messages → reactions). Deleting an
        // account deletes its reactions first (AccountDeletion).
        reaction.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.NoAction);
        reaction.HasIndex(r => r.UserId);
    }
}
