namespace RtChat.Web.Areas.Identity;

/// <summary>Identity's messages in our words: they are shown verbatim beside the form field.</summary>
internal sealed class AccountErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"The username \"{userName}\" is already taken." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = "An account with this email already exists." };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = $"Usernames are {Username.Rule}." };

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Passwords must be at least {length} characters." };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "The current password is incorrect." };

    /// <summary>Which form field an Identity error belongs beside.</summary>
    public static string FieldFor(IdentityError error, string prefix) => error.Code switch
    {
        nameof(DuplicateUserName) or nameof(InvalidUserName) => $"{prefix}.Username",
        nameof(DuplicateEmail) or nameof(InvalidEmail) => $"{prefix}.Email",
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => $"{prefix}.Password",
        _ => string.Empty,
    };
}
