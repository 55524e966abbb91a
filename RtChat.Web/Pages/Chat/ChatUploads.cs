using Microsoft.AspNetCore.Http.Features;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Media;
using RtChat.Web.Media.Attachments;
using RtChat.Web.Realtime;

namespace RtChat.Web.Pages.Chat;

/// <summary>What the attach control shows again: the caption if it was not sent, and why files were refused.</summary>
public sealed record AttachForm(string? Caption = null, IReadOnlyList<string>? Errors = null)
{
    public IReadOnlyList<string> Refusals => Errors ?? [];
}

public sealed record UploadOutcome(AttachForm Form, int Status);

/// <summary>
/// The room page's Upload: a slot first (past the caps: 429, body unread), the antiforgery token before the first file
/// is read, then each file shared as it arrives, in order, the caption going with the first one sent.
/// </summary>
public sealed class ChatUploads(UploadSlots slots, FileSharing sharing, MediaOptions media, ChatOptions chat)
{
    public const string FilesField = "Files";
    public const string CaptionField = "Caption";

    public async Task<UploadOutcome> ReceiveAsync(ChatRoom room, string userId, HttpContext context)
    {
        var (slot, refusal) = slots.TryTake(userId);
        if (slot is null) return new UploadOutcome(new AttachForm(Errors: [refusal!]), StatusCodes.Status429TooManyRequests);
        using var _ = slot;
        AllowBodyOf(context, media.MaxFilesPerUpload * (media.MaxUploadBytes + 64 * 1024) + 1024 * 1024);

        string? caption = null;
        string? captionError = null;
        var checkedBeforeFiles = false;
        var sent = 0;
        var errors = new List<string>();
        var form = await MultipartUpload.ReadEachAsync(context.Request, FilesField, media.MaxUploadBytes, media.MaxFilesPerUpload,
            async fields =>
            {
                checkedBeforeFiles = true;
                caption = fields.GetValueOrDefault(CaptionField);
                captionError = CaptionErrorOf(caption);
                return await StreamedFormAntiforgery.IsValidAsync(context, fields) && captionError is null;
            },
            async file =>
            {
                if (file.Error is not null || file.File is null)
                {
                    errors.Add(Refused(file.FileName, file.Error ?? "it could not be read."));
                    return;
                }
                try
                {
                    await sharing.ShareAsync(room, userId, file.File, sent == 0 ? caption : null, context.RequestAborted);
                    sent++;
                }
                catch (Exception e) when (e is DomainRuleException or ImageRejectedException)
                {
                    errors.Add(Refused(file.FileName, e.Message));
                }
            }, context.RequestAborted);

        caption ??= form[CaptionField];
        if (!checkedBeforeFiles && !await StreamedFormAntiforgery.IsValidAsync(context, form.Fields))
            return new UploadOutcome(new AttachForm(caption), StatusCodes.Status400BadRequest);
        if (captionError is not null) return new UploadOutcome(new AttachForm(caption, [captionError]), StatusCodes.Status422UnprocessableEntity);
        if (form.Forged) return new UploadOutcome(new AttachForm(caption), StatusCodes.Status400BadRequest);
        if (form.Error is not null) errors.Add(form.Error);
        if (sent == 0 && errors.Count == 0) errors.Add("Choose a file to send.");
        // The caption went with the first file sent; when none was, it stays in the box.
        var left = new AttachForm(sent == 0 ? caption : null, errors);
        return new UploadOutcome(left, errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }

    private string? CaptionErrorOf(string? caption)
    {
        try
        {
            chat.Rules.CleanCaption(caption);
            return null;
        }
        catch (DomainRuleException rule)
        {
            return rule.Message;
        }
    }

    private static string Refused(string fileName, string reason) => $"“{AttachmentName.Clean(fileName)}” was not sent: {reason}";

    /// <summary>Several files of up to the file limit each: more than the server's default request limit.</summary>
    private static void AllowBodyOf(HttpContext context, long bytes)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = bytes;
    }
}
