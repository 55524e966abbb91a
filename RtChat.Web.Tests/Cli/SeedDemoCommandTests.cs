using Microsoft.EntityFrameworkCore;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Cli;

/// <summary><c>seed-demo</c>: a living demo at once, the same however often it runs.</summary>
public sealed class SeedDemoCommandTests
{
    [Test]
    public async Task Seeds_people_with_avatars_a_group_a_private_chat_and_messages_over_days_once()
    {
        using var run = new CommandRun();

        var first = await run.RunAsync("seed-demo");
        var counts = await CountsAsync(run);
        var second = await run.RunAsync("seed-demo");

        var spread = await run.QueryAsync(db => db.Messages.OrderBy(m => m.Id).Select(m => m.CreatedAt).ToListAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            Assert.That(first.Output, Does.Contain("alice").And.Contain("demo-password"), "the log-ins are printed");
            Assert.That(counts.Users, Is.EqualTo(5));
            Assert.That(counts.Avatars, Is.EqualTo(5), "each has a generated avatar");
            Assert.That(Directory.EnumerateFiles(Path.Combine(run.Root, "media"), "*.webp", SearchOption.AllDirectories).Count(), Is.EqualTo(5),
                "through the avatar pipeline (WebP)");
            Assert.That(counts.Groups, Is.EqualTo(1));
            Assert.That(counts.Privates, Is.EqualTo(1));
            Assert.That(counts.Messages, Is.GreaterThanOrEqualTo(200));
            Assert.That(spread.Max() - spread.Min(), Is.GreaterThan(TimeSpan.FromDays(3)), "spread over days");
            Assert.That(spread, Is.Ordered, "ids grow with time, across rooms, as when people chat");
            Assert.That(second.ExitCode, Is.Zero, second.ToString());
            Assert.That(second.Output, Does.Contain("alice"), "the log-ins again");
            Assert.That(await CountsAsync(run), Is.EqualTo(counts), "a second run adds nothing");
        }
    }

    private static Task<(int Users, int Avatars, int Groups, int Privates, int Messages)> CountsAsync(CommandRun run) =>
        run.QueryAsync(async db => (await db.Users.CountAsync(), await db.Profiles.CountAsync(p => p.AvatarKey != null),
            await db.Rooms.CountAsync(r => r.Kind == RoomKind.Group), await db.Rooms.CountAsync(r => r.Kind == RoomKind.Private),
            await db.Messages.CountAsync()));
}
