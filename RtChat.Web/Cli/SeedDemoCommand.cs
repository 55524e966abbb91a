using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Domain.Moderation;
using RtChat.Web.Media;

namespace RtChat.Web.Cli;

/// <summary>
/// <c>seed-demo</c>: demo people with avatars, a group, a private chat and a few hundred messages over the past days, so a
/// newcomer sees a living app. Idempotent: what exists is kept, and messages are added only while the demo has none.
/// </summary>
internal static class SeedDemoCommand
{
    public const string Password = "demo-password";
    public const string GroupTitle = "Weekend hikers";

    private static readonly (string Username, string Name, string Info, (byte, byte, byte) Color)[] People =
    [
        ("alice", "Alice Martin", "Runs, reads, makes bread.", (79, 70, 229)),
        ("bob", "Bob Okafor", "Coffee first.", (5, 150, 105)),
        ("carol", "Carol Nguyen", "Hikes every weekend.", (217, 119, 6)),
        ("dave", "Dave Rossi", "Jazz and bad puns.", (220, 38, 38)),
        ("erin", "Erin Walsh", "Gardener, cat person.", (8, 145, 178)),
    ];

    public static Command Create(Lazy<WebApplication> app)
    {
        var command = new Command("seed-demo", $"Add demo users (password \"{Password}\"), a group, a private chat and messages. Safe to run again.");
        command.SetAction(OperatorCommands.Action(app, prepareDatabase: true, (_, services, cancellationToken) => RunAsync(services, cancellationToken)));
        return command;
    }

    private static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var ids = new List<string>();
        foreach (var person in People)
            ids.Add(await EnsureUserAsync(services, person, cancellationToken));
        // Whole (every member loaded): posting checks the author may write there.
        var group = await db.FindWholeAsync((await EnsureGroupAsync(db, ids, now)).Name, cancellationToken);
        var pair = await db.FindWholeAsync((await db.OpenPrivateAsync(ids[0], ids[1], now)).Name, cancellationToken);
        var publicRoom = await db.FindWholeAsync(ChatRoom.PublicChatName, cancellationToken);

        var added = 0;
        if (!await db.Messages.AnyAsync(m => ids.Contains(m.AuthorId), cancellationToken))
        {
            var random = new Random(2026);
            // Added oldest first, whatever the room, so ids grow with time as they do when people chat.
            var messages = Plan(publicRoom!, ids, DemoConversation.PublicLines, 240, TimeSpan.FromDays(6), now, random)
                .Concat(Plan(group!, ids.Take(4).ToList(), DemoConversation.GroupLines, 60, TimeSpan.FromDays(4), now, random))
                .Concat(Plan(pair!, ids.Take(2).ToList(), DemoConversation.PrivateLines, 40, TimeSpan.FromDays(2), now, random))
                .OrderBy(m => m.CreatedAt).ToList();
            db.Messages.AddRange(messages);
            added = messages.Count;
            services.GetRequiredService<AuditLog>().Record(Actor.CommandLine, AuditAction.DemoSeeded, "the demo", $"{added} messages");
            await db.SaveChangesAsync(cancellationToken);
        }

        Console.WriteLine(added > 0 ? $"Demo ready: {People.Length} people, “{GroupTitle}”, a private chat, {added} messages."
            : "Demo already there: nothing added.");
        Console.WriteLine($"Log in at /Identity/Account/Login as any of these, password \"{Password}\":");
        foreach (var person in People)
            Console.WriteLine($"  {person.Username,-6} {person.Username}@demo.rtchat.local");
    }

    private static async Task<string> EnsureUserAsync(IServiceProvider services,
        (string Username, string Name, string Info, (byte, byte, byte) Color) person, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(person.Username) is { } existing) return existing.Id;
        var user = new AppUser(person.Username, $"{person.Username}@demo.rtchat.local") { EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
            throw new CommandFailedException($"@{person.Username}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        var files = services.GetRequiredService<IFileStore>();
        user.Profile.Describe(person.Name, person.Info);
        if (await DemoAvatars.StoreAsync(services.GetRequiredService<IImageProcessor>(), files, person.Username[0], person.Color, cancellationToken) is { } key)
            user.Profile.ReplaceAvatar(key);
        await services.GetRequiredService<AppDbContext>().SaveChangesAsync(cancellationToken);
        return user.Id;
    }

    private static async Task<ChatRoom> EnsureGroupAsync(AppDbContext db, IReadOnlyList<string> ids, DateTimeOffset now)
    {
        if (await db.Rooms.FirstOrDefaultAsync(r => r.Kind == RoomKind.Group && r.Title == GroupTitle && r.AdminId == ids[0]) is { } existing)
            return existing;
        var group = ChatRoom.CreateGroup(GroupTitle, ids[0], now);
        foreach (var id in ids.Skip(1).Take(3)) group.Join(id, now);
        db.Rooms.Add(group);
        await db.SaveChangesAsync();
        return group;
    }

    /// <summary>Messages by <paramref name="authors"/> at random, spread over <paramref name="span"/> up to a few minutes ago.</summary>
    private static IEnumerable<ChatMessage> Plan(ChatRoom room, IReadOnlyList<string> authors, string[] lines, int count, TimeSpan span,
        DateTimeOffset now, Random random)
    {
        var rules = new MessageRules();
        var step = span / count;
        for (var i = 0; i < count; i++)
        {
            var at = now - span + step * i + TimeSpan.FromSeconds(random.Next(0, (int)Math.Max(1, step.TotalSeconds / 2)));
            yield return room.Post(authors[random.Next(authors.Count)], lines[i % lines.Length], rules, at);
        }
    }
}
