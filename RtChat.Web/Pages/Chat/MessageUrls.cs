using System.Globalization;

namespace RtChat.Web.Pages.Chat;

/// <summary>One message's addresses (<c>/messages/{id}</c>): its author's edit and delete, with or without JavaScript, and reacting.</summary>
public static class MessageUrls
{
    public const string DeleteQuestion = "Delete this message? Everyone in the chat will see that it was deleted.";

    /// <summary>Stands for the id in the page's one set of message actions, which actions.js points at a message.</summary>
    public const string AnyId = "{id}";

    public static string Message(long id) => Message(Text(id));

    public static string Edit(long id) => Edit(Text(id));

    public static string Delete(long id) => Delete(Text(id));

    public static string Message(string id) => $"/messages/{id}";

    public static string Edit(string id) => $"{Message(id)}?handler=Edit";

    public static string Delete(string id) => $"{Message(id)}?handler=Delete";

    public static string React(string id) => $"{Message(id)}/react";

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
