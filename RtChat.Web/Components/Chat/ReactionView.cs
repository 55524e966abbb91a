namespace RtChat.Web.Components.Chat;

/// <summary>One emoji on a message as every viewer sees it: how many, who (for its tooltip), and their ids (for the page's CSS).</summary>
/// <param name="Names">Who reacted, for people: "alice, bob and 3 others".</param>
/// <param name="ReactorIds">Every reactor's user id, space-separated: the page marks its own viewer's by CSS (<c>~=</c>).</param>
public sealed record ReactionView(string Emoji, int Count, string Names, string ReactorIds)
{
    /// <summary>Names a tooltip shows before "and N others".</summary>
    public const int NamesShown = 5;

    /// <param name="reactors">Who reacted with <paramref name="emoji"/>, first first.</param>
    public static ReactionView Of(string emoji, IReadOnlyList<(string Id, string Name)> reactors) =>
        new(emoji, reactors.Count, Describe(reactors.Select(r => r.Name).ToList()), string.Join(' ', reactors.Select(r => r.Id)));

    public string Title => $"{Names} reacted with {Emoji}";

    /// <summary>"alice", "alice and bob", "alice, bob and carol", past <see cref="NamesShown"/> "…, eve and 3 others".</summary>
    public static string Describe(IReadOnlyList<string> names)
    {
        if (names.Count <= 1) return names.FirstOrDefault() ?? "";
        if (names.Count <= NamesShown) return $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
        var others = names.Count - NamesShown;
        return $"{string.Join(", ", names.Take(NamesShown))} and {others} {(others == 1 ? "other" : "others")}";
    }
}
