namespace RtChat.Web.Components.Chat;

/// <summary>A message's mentioned users as stored with it (<c>id:username</c>, separated by spaces), split for its view.</summary>
public static class MentionList
{
    public static string Ids(string? stored) => Part(stored, 0);

    public static string Names(string? stored) => Part(stored, 1);

    private static string Part(string? stored, int part)
    {
        if (string.IsNullOrEmpty(stored)) return "";
        return string.Join(' ', stored.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split(':', 2)[part]));
    }

    /// <summary>The mentioned user's id by username (lowercase), from a view's two aligned lists.</summary>
    public static IReadOnlyDictionary<string, string> ByName(MessageView message)
    {
        if (message.Mentions.Length == 0) return EmptyMap;
        var ids = message.Mentions.Split(' ');
        var names = message.MentionNames.Split(' ');
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Math.Min(ids.Length, names.Length); i++) map.TryAdd(names[i], ids[i]);
        return map;
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();
}
