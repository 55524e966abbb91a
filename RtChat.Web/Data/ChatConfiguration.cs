using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Media.Attachments;

namespace RtChat.Web.Data;

internal sealed class ChatRoomConfiguration : IEntityTypeConfiguration<ChatRoom>
{
    public static readonly DateTimeOffset SeededAt = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    public void Configure(EntityTypeBuilder<ChatRoom> room)
    {
        room.Property(r => r.Name).HasMaxLength(ChatRoom.NameMaxLength);
        room.HasIndex(r => r.Name).IsUnique();
        room.Property(r => r.Title).HasMaxLength(ChatRoom.TitleMaxLength);
        // No database cascade from users to rooms: SQL Server refuses the second path to messages and members.
        room.HasOne<AppUser>().WithMany().HasForeignKey(r => r.AdminId).OnDelete(DeleteBehavior.ClientSetNull);
        room.HasMany(r => r.Members).WithOne().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
        room.Navigation(r => r.Members).HasField("_members");
        room.HasMany(r => r.Removals).WithOne().HasForeignKey(r => r.RoomId).OnDelete(DeleteBehavior.Cascade);
        room.Navigation(r => r.Removals).HasField("_removals");
        // One private room per pair of users, whoever clicks first (and both at once).
        room.Property(r => r.PairKey).HasMaxLength(RoomKeys.PairKeyMaxLength);
        room.HasIndex(r => r.PairKey).IsUnique();
        room.Property(r => r.InviteCode).HasMaxLength(RoomKeys.InviteCodeLength);
        room.HasIndex(r => r.InviteCode).IsUnique();
        room.HasData(new { Id = 1, Name = ChatRoom.PublicChatName, Kind = RoomKind.Public, CreatedAt = SeededAt });
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> membership)
    {
        membership.HasKey(m => new { m.RoomId, m.UserId });
        membership.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        membership.HasIndex(m => m.UserId);
    }
}

internal sealed class RemovalConfiguration : IEntityTypeConfiguration<Removal>
{
    public void Configure(EntityTypeBuilder<Removal> removal)
    {
        removal.HasKey(r => new { r.RoomId, r.UserId });
        removal.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> message)
    {
        message.Property(m => m.Body).HasMaxLength(MessageRules.HardMaxLength);
        message.HasOne(m => m.Room).WithMany().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
        message.HasOne(m => m.Author).WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Cascade);
        // History pages read "the 30 before id N in room R": one index range scan.
        message.HasIndex(m => new { m.RoomId, m.Id });
        message.HasIndex(m => m.AuthorId);
        message.HasOne(m => m.Attachment).WithOne().HasForeignKey<Attachment>(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        message.ConfigureReferences();
    }
}

internal sealed class MessageChangeConfiguration : IEntityTypeConfiguration<MessageChange>
{
    public void Configure(EntityTypeBuilder<MessageChange> change)
    {
        change.HasOne<ChatRoom>().WithMany().HasForeignKey(c => c.RoomId).OnDelete(DeleteBehavior.Cascade);
        // A resume reads "the room's changes after id N".
        change.HasIndex(c => new { c.RoomId, c.Id });
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public const string DeletedTrigger = "Attachments_QueueFileDeletion";

    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.HasKey(a => a.MessageId);
        attachment.Property(a => a.MessageId).ValueGeneratedNever();
        attachment.Property(a => a.FileKey).HasMaxLength(FileKeyMaxLength);
        attachment.Property(a => a.ThumbnailKey).HasMaxLength(FileKeyMaxLength);
        attachment.Property(a => a.Name).HasMaxLength(AttachmentName.MaxLength + 1);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        // A file URL names one key: it finds its attachment, and so its room, by either.
        attachment.HasIndex(a => a.FileKey).IsUnique();
        attachment.HasIndex(a => a.ThumbnailKey).IsUnique();
        // The trigger (in the migrations) queues a deleted row's files, however the row goes: cascades included.
        attachment.ToTable(t => t.HasTrigger(DeletedTrigger));
    }

    public const int FileKeyMaxLength = 48;
}

internal sealed class DeletedFileConfiguration : IEntityTypeConfiguration<DeletedFile>
{
    public void Configure(EntityTypeBuilder<DeletedFile> file)
    {
        file.Property(f => f.FileKey).HasMaxLength(AttachmentConfiguration.FileKeyMaxLength);
    }
}
