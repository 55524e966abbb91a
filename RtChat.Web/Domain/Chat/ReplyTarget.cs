namespace RtChat.Web.Domain.Chat;

/// <summary>The message a new one answers, as found by id: its room, or none when no message has that id.</summary>
public sealed record ReplyTarget(long MessageId, int? RoomId);
