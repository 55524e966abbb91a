namespace RtChat.Web.Pages.Chat;

/// <summary>One message's addresses (<c>/messages/{id}</c>): its author's edit and delete, with or without JavaScript.</summary>
public static class MessageUrls
{
    public const string DeleteQuestion = "Delete this message? Everyone in the chat will see that it was deleted.";

    public static string Message(long id) => $"/messages/{id}";

    public static string Edit(long id) => $"{Message(id)}?handler=Edit";

    public static string Delete(long id) => $"{Message(id)}?handler=Delete";
}
