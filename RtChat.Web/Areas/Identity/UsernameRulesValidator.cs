namespace RtChat.Web.Areas.Identity;

/// <summary>Adds the length and case rules Identity's own validator does not know.</summary>
internal sealed class UsernameRulesValidator(IdentityErrorDescriber errors) : IUserValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user) =>
        Task.FromResult(Username.IsValid(user.UserName)
            ? IdentityResult.Success
            : IdentityResult.Failed(errors.InvalidUserName(user.UserName)));
}
