using RtChat.Web.Components.Chat;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Realtime;

namespace RtChat.Web.Media.Attachments;

/// <summary>
/// Shares one uploaded file in a room as its own message: an image (decided by its bytes) through the image pipeline,
/// anything else stored as it came, then committed and broadcast like any message. Whatever fails, nothing stays stored.
/// </summary>
public sealed class FileSharing(IImageProcessor images, [FromKeyedServices(MediaSetup.SharedFiles)] IFileStore files,
    MessageCommitter committer, ChatOptions chat, TimeProvider clock)
{
    /// <summary>Stored files that are not images keep this extension: they are only ever downloaded.</summary>
    public const string DownloadExtension = "bin";

    /// <exception cref="DomainRuleException">Refused for a reason the user can act on.</exception>
    /// <exception cref="ImageRejectedException">The image is refused; its message is for the user.</exception>
    public async Task<MessageView> ShareAsync(ChatRoom room, string authorId, UploadedFile upload, string? caption, CancellationToken ct)
    {
        if (upload.Length == 0) throw new DomainRuleException($"“{AttachmentName.Clean(upload.FileName)}” is empty.");
        var stored = new List<string>(2);
        ChatMessage? message = null;
        try
        {
            var attachment = await StoreAsync(upload, stored, ct);
            message = room.Share(authorId, attachment, caption, chat.Rules, clock.GetUtcNow());
            // Once handed over, the message commits even if this request ends.
            return await committer.CommitAsync(room, message, CancellationToken.None);
        }
        catch
        {
            // A committed message keeps its files (deleting its row queues them); only an uncommitted one's go now.
            if (message is not { Id: > 0 })
                foreach (var key in stored)
                    await files.DeleteAsync(key);
            throw;
        }
    }

    private async Task<Attachment> StoreAsync(UploadedFile upload, List<string> stored, CancellationToken ct)
    {
        if (ImageSniffer.Detect(upload.Content.Span) is null)
        {
            stored.Add(await files.SaveAsync(upload.Content, DownloadExtension, ct));
            return Attachment.File(stored[0], upload.FileName, upload.ContentType, upload.Length);
        }
        var picture = await images.MakeChatPictureAsync(upload.Content, ct);
        var full = await SaveAsync(picture.Full, stored, ct);
        var thumbnail = await SaveAsync(picture.Thumbnail, stored, ct);
        return Attachment.Image(upload.FileName, full, thumbnail, picture.WasAnimated);
    }

    private async Task<StoredImage> SaveAsync(ProcessedImage image, List<string> stored, CancellationToken ct)
    {
        var key = await files.SaveAsync(image.Bytes, image.Extension, ct);
        stored.Add(key);
        return new StoredImage(key, image.ContentType, image.Bytes.Length, image.Width, image.Height);
    }
}
