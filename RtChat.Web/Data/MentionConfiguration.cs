using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtChat.Web.Domain;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Data;

internal sealed class MessageMentionConfiguration : IEntityTypeConfiguration<MessageMention>
{
    public void Configure(EntityTypeBuilder<MessageMention> mention)
    {
        mention.HasKey(m => new { m.MessageId, m.UserId });
        mention.HasOne<ChatMessage>().WithMany(m => m.Mentions).HasForeignKey(m => m.MessageId).OnDelete(DeleteBehavior.Cascade);
        // No database cascade from users: SQL Server refuses the second path (users → messages → mentions). Deleting an
        // account deletes its mentions first (AccountDeletion).
        mention.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.ClientCascade);
        // The "@" badge: a user's mentions after their read mark.
        mention.HasIndex(m => new { m.UserId, m.MessageId });
    }
}

/// <summary>What a message keeps about the message it answers and the users it mentions.</summary>
internal static class MessageReferencesConfiguration
{
    public const int MentionedUsersMaxLength = Mentions.MaxPerMessage * 64;

    public static void ConfigureReferences(this EntityTypeBuilder<ChatMessage> message)
    {
        message.HasIndex(m => m.ReplyToId);
        message.Property(m => m.MentionedUsers).HasMaxLength(MentionedUsersMaxLength);
        message.Navigation(m => m.Mentions).HasField("_mentions");
    }
}
