using System.CommandLine;
using RtChat.Web.Data;
using RtChat.Web.Domain.Moderation;

namespace RtChat.Web.Cli;

/// <summary>
/// <c>create-admin --username U --email E</c>: a confirmed user in the Admin role (with a profile, through the same domain
/// event as a sign-up), or the role for the user who already has that name and address.
/// </summary>
internal static class CreateAdminCommand
{
    public const string PasswordVariable = "RTCHAT_ADMIN_PASSWORD";

    public static Command Create(Lazy<WebApplication> app)
    {
        var username = new Option<string>("--username") { Description = "The admin's username (" + Username.Rule + ").", Required = true };
        var email = new Option<string>("--email") { Description = "The admin's email address (marked confirmed).", Required = true };
        var password = new Option<string?>("--password")
        {
            Description = $"The password, for scripts; else ${PasswordVariable}; else it is asked for without echo.",
        };
        var command = new Command("create-admin", "Create an admin account, or make an existing user an admin.") { username, email, password };
        command.SetAction(OperatorCommands.Action(app, prepareDatabase: true, (parse, services, _) =>
            RunAsync(services, parse.GetRequiredValue(username), parse.GetRequiredValue(email), parse.GetValue(password))));
        return command;
    }

    private static async Task RunAsync(IServiceProvider services, string username, string email, string? password)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var db = services.GetRequiredService<AppDbContext>();
        var audit = services.GetRequiredService<AuditLog>();
        username = Username.Normalize(username);
        if (await users.FindByNameAsync(username) is { } existing)
        {
            if (!string.Equals(existing.Email, email.Trim(), StringComparison.OrdinalIgnoreCase))
                throw new CommandFailedException($"@{username} already exists with another email address; give theirs to make them an admin.");
            if (await users.IsInRoleAsync(existing, Admins.Role))
            {
                Console.WriteLine($"@{username} is already an admin.");
                return;
            }
            audit.Record(Actor.CommandLine, AuditAction.AdminGranted, "@" + username);
            Check(await users.AddToRoleAsync(existing, Admins.Role));
            Console.WriteLine($"@{username} is now an admin (their password is unchanged).");
            return;
        }
        if (await users.FindByEmailAsync(email) is { } owner)
            throw new CommandFailedException($"{email} belongs to @{owner.UserName}; run again with --username {owner.UserName} to make them an admin.");

        var user = new AppUser(username, email) { EmailConfirmed = true };
        var secret = AdminPassword.Resolve(password, PasswordVariable);
        await using var transaction = await db.Database.BeginTransactionAsync();
        audit.Record(Actor.CommandLine, AuditAction.AdminCreated, "@" + username, email);
        Check(await users.CreateAsync(user, secret));
        Check(await users.AddToRoleAsync(user, Admins.Role));
        await transaction.CommitAsync();
        Console.WriteLine($"Admin @{username} created. Log in at /Identity/Account/Login, then open /admin.");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new CommandFailedException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
