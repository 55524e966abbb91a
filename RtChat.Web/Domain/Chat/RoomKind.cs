namespace RtChat.Web.Domain.Chat;

public enum RoomKind { Public = 0, Group = 1, Private = 2 }
