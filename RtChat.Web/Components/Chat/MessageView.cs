namespace RtChat.Web.Components.Chat;

/// <summary>Everything a message shows, and nothing about who looks at it: the fragment is the same for every viewer.</summary>
public sealed record MessageView(
    long Id,
    string AuthorId,
    string AuthorUsername,
    string AuthorName,
    string AvatarUrl,
    string Body,
    DateTimeOffset CreatedAt,
    AttachmentView? Attachment = null);
