namespace RtChat.Web.Components.Chat;

/// <param name="ReplyTo">The message this one answers, as its quote shows it.</param>
/// <param name="Mentions">The ids of the users the body mentions, separated by spaces ("" for none).</param>
/// <param name="MentionNames">Their usernames, in the same order: the body's <c>@username</c> that become mentions.</param>
/// <summary>Everything a message shows, and nothing about who looks at it: the fragment is the same for every viewer.</summary>
public sealed record MessageView(
    long Id,
    string AuthorId,
    string AuthorUsername,
    string AuthorName,
    string AvatarUrl,
    string Body,
    DateTimeOffset CreatedAt,
    AttachmentView? Attachment = null,
    ReplyView? ReplyTo = null,
    string Mentions = "",
    string MentionNames = "");
