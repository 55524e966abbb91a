namespace RtChat.Web.Components.Chat;

/// <summary>
/// Everything a message shows, and nothing about who looks at it: the fragment is the same for every viewer. Compared by
/// value (rendered markup is kept by it), so every part is a value too.
/// </summary>
/// <param name="Version">Its newest change's id (0: never changed): a page keeps the newest version it is sent.</param>
/// <param name="ReplyTo">The message this one answers, as its quote shows it.</param>
/// <param name="Mentions">The ids of the users the body mentions, separated by spaces ("" for none).</param>
/// <param name="MentionNames">Their usernames, in the same order: the body's <c>@username</c> that become mentions.</param>
/// <param name="Reactions">Its reactions, one per emoji used, first used first (null: none).</param>
public sealed record MessageView(
    long Id,
    string AuthorId,
    string AuthorUsername,
    string AuthorName,
    string AvatarUrl,
    string Body,
    DateTimeOffset CreatedAt,
    AttachmentView? Attachment = null,
    long Version = 0,
    DateTimeOffset? EditedAt = null,
    bool Deleted = false,
    ReplyView? ReplyTo = null,
    string Mentions = "",
    string MentionNames = "",
    ValueList<ReactionView>? Reactions = null);
