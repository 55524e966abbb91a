namespace RtChat.Web.Domain;

public class AppUser : IdentityUser, IHasDomainEvents
{
    private readonly List<IDomainEvent> _events = [];

    public DateTimeOffset JoinedAt { get; private set; } = DateTimeOffset.UtcNow;

    /// <summary>Created with the user by the <see cref="UserCreated"/> handler; never missing once saved.</summary>
    public Profile Profile { get; private set; } = null!;

    /// <summary>An address waiting for its confirmation link; the current <see cref="IdentityUser.Email"/> keeps working meanwhile.</summary>
    public string? PendingEmail { get; private set; }

    public Theme Theme { get; private set; }

    private AppUser() { }

    public AppUser(string username, string email)
    {
        UserName = Username.Normalize(username);
        Email = email.Trim();
        _events.Add(new UserCreated(this));
    }

    public IReadOnlyList<IDomainEvent> DomainEvents => _events;

    public void ClearDomainEvents() => _events.Clear();

    public void ChooseTheme(Theme theme) => Theme = Enum.IsDefined(theme) ? theme : throw new DomainRuleException(Themes.Invalid);

    public void RequestEmailChange(string newEmail) => PendingEmail = newEmail.Trim();

    public void ForgetPendingEmail() => PendingEmail = null;

    /// <summary>Drops the pending address if it is still <paramref name="newEmail"/>; false when there is no such change.</summary>
    public bool CancelEmailChange(string newEmail)
    {
        if (!string.Equals(PendingEmail, newEmail, StringComparison.OrdinalIgnoreCase)) return false;
        PendingEmail = null;
        return true;
    }

    /// <summary>
    /// Puts <paramref name="oldEmail"/> back, as confirmed as it was, if the address is still <paramref name="newEmail"/>;
    /// false when the change it undoes is not the account's current state.
    /// </summary>
    public bool RevertEmailChange(string newEmail, string oldEmail, bool oldEmailConfirmed)
    {
        if (!string.Equals(Email, newEmail, StringComparison.OrdinalIgnoreCase)) return false;
        Email = oldEmail;
        EmailConfirmed = oldEmailConfirmed;
        PendingEmail = null;
        return true;
    }
}
