using Microsoft.AspNetCore.Identity;

namespace RtChat.Web.Domain;

public class AppUser : IdentityUser
{
    public DateTimeOffset JoinedAt { get; private set; } = DateTimeOffset.UtcNow;

    private AppUser() { }

    public AppUser(string username, string email)
    {
        UserName = Username.Normalize(username);
        Email = email.Trim();
    }
}
