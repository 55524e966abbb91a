namespace RtChat.Web.Domain;

/// <summary>How a user appears to others: a display name, a few words, an avatar.</summary>
public class Profile
{
    public const int DisplayNameMaxLength = 20;
    public const int InfoMaxLength = 500;
    public const string DefaultAvatarUrl = "/images/avatar.svg";

    public string UserId { get; private set; } = "";
    public AppUser User { get; private set; } = null!;
    public string? DisplayName { get; private set; }
    public string? Info { get; private set; }
    public string? AvatarKey { get; private set; }

    private Profile() { }

    public Profile(AppUser user)
    {
        User = user;
        UserId = user.Id;
    }

    /// <summary>The display name, or the username when none is set.</summary>
    public string Name => DisplayName ?? User.UserName!;

    public string AvatarUrl => AvatarUrlFor(AvatarKey);

    public static string AvatarUrlFor(string? avatarKey) => avatarKey is null ? DefaultAvatarUrl : $"/media/{avatarKey}";

    public void Describe(string? displayName, string? info)
    {
        displayName = Blank(displayName);
        info = Blank(info);
        if (displayName?.Length > DisplayNameMaxLength)
            throw new DomainRuleException($"Display names are at most {DisplayNameMaxLength} characters.");
        if (info?.Length > InfoMaxLength)
            throw new DomainRuleException($"The info is at most {InfoMaxLength} characters.");
        DisplayName = displayName;
        Info = info;
    }

    /// <summary>Sets the new avatar and returns the key of the file it replaces, for the caller to delete after saving.</summary>
    public string? ReplaceAvatar(string newKey)
    {
        var old = AvatarKey;
        AvatarKey = newKey;
        return old;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
