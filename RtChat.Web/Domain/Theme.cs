namespace RtChat.Web.Domain;

/// <summary>How a user's pages look: as their system says (the default), or always light, or always dark.</summary>
public enum Theme
{
    System = 0,
    Light = 1,
    Dark = 2,
}

public static class Themes
{
    public const string Invalid = "Choose a theme: System, Light or Dark.";

    /// <summary>A theme by its name (any case); numbers and unknown names are not themes.</summary>
    public static Theme Parse(string? name) =>
        Enum.GetNames<Theme>().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } known
            ? Enum.Parse<Theme>(known)
            : throw new DomainRuleException(Invalid);

    /// <summary>The class the page's root element carries: none for the system's choice, which CSS reads from the browser.</summary>
    public static string? RootClass(this Theme theme) => theme switch
    {
        Theme.Light => "light",
        Theme.Dark => "dark",
        _ => null,
    };
}
