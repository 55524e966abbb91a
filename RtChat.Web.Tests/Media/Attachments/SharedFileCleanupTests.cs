using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Media.Attachments;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Media.Attachments;

/// <summary>Whatever takes a shared file's message away (the message, its room, its author) takes its files off the disk.</summary>
public sealed class SharedFileCleanupTests : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Media:ReapInterval"] = "00:00:00.100",
    };

    private static Upload Picture(string name) => new(name, "image/png", TestImages.Encode("PNG", 64, 48, (x, y) => [(byte)x, (byte)y, 9]));
    private static Upload Text(string name) => new(name, "text/plain", "some notes"u8.ToArray());

    private async Task<List<string>> KeysAsync(string? room) =>
        (await App.AttachmentsAsync(room)).SelectMany(a => a.Attachment.FileKeys).ToList();

    private void AssertStored(IEnumerable<string> keys) =>
        Assert.That(keys.Select(App.FilePath), Is.All.Matches<string>(File.Exists), "the files are on disk");

    [Test]
    public async Task Deleting_a_group_deletes_its_files()
    {
        var (admin, _) = await App.SignedUpConfirmedAsync("admin");
        using (admin)
        {
            var room = await admin.CreateGroupAsync();
            await admin.ShareOkAsync(room, Picture("a.png"), Text("b.txt"));
            var keys = await KeysAsync(room);
            AssertStored(keys);

            var confirm = await admin.GetPageAsync(RoomSteps.DeletePath(room));
            using (await admin.SubmitAsync(confirm)) { }

            await App.WaitUntilGoneAsync(keys);
            Assert.That(await App.QueryAsync(db => db.DeletedFiles.CountAsync()), Is.Zero, "the queue is emptied");
        }
    }

    [Test]
    public async Task The_last_member_leaving_a_group_deletes_its_files()
    {
        var (admin, _) = await App.SignedUpConfirmedAsync("last");
        using (admin)
        {
            var room = await admin.CreateGroupAsync();
            await admin.ShareOkAsync(room, Picture("c.png"));
            var keys = await KeysAsync(room);

            var confirm = await admin.GetPageAsync(RoomSteps.LeavePath(room));
            using (await admin.SubmitAsync(confirm)) { }

            await App.WaitUntilGoneAsync(keys);
        }
    }

    [Test]
    public async Task Deleting_an_account_deletes_the_files_it_shared_and_keeps_everyone_elses()
    {
        var (leaver, _) = await App.SignedUpConfirmedAsync("leaver");
        var (stayer, _) = await App.SignedUpConfirmedAsync("stayer");
        using (leaver)
        using (stayer)
        {
            await leaver.ShareOkAsync(null, Picture("mine.png"));
            var mine = (await App.AttachmentsAsync(null)).Last().Attachment.FileKeys.ToList();
            await stayer.ShareOkAsync(null, Text("theirs.txt"));
            var theirs = (await App.AttachmentsAsync(null)).Last().Attachment.FileKeys.ToList();

            var confirm = await leaver.GetPageAsync(ProfileSteps.DeletePath);
            using (await leaver.SubmitAsync(confirm)) { }

            await App.WaitUntilGoneAsync(mine);
            AssertStored(theirs);
        }
    }

    [Test]
    public async Task Deleting_a_message_deletes_its_files()
    {
        var (web, _) = await App.SignedUpConfirmedAsync("onemsg");
        using (web)
        {
            await web.ShareOkAsync(null, Picture("gone.png"), Text("kept.txt"));
            var shared = (await App.AttachmentsAsync(null)).TakeLast(2).ToList();

            await App.QueryAsync(db => db.Messages.Where(m => m.Id == shared[0].Attachment.MessageId).ExecuteDeleteAsync());

            await App.WaitUntilGoneAsync(shared[0].Attachment.FileKeys);
            AssertStored(shared[1].Attachment.FileKeys);
        }
    }

    [Test]
    public async Task The_sweep_at_start_removes_old_files_no_attachment_names_and_keeps_the_rest()
    {
        var (web, _) = await App.SignedUpConfirmedAsync("sweep");
        using (web)
        {
            await web.ShareOkAsync(null, Text("named.txt"));
            var named = (await KeysAsync(null)).Last();
            File.SetLastWriteTimeUtc(App.FilePath(named), DateTime.UtcNow.AddDays(-1));
            var oldOrphan = Orphan("0a", DateTime.UtcNow.AddHours(-2));
            var newOrphan = Orphan("0b", DateTime.UtcNow);

            var removed = await App.Services.GetRequiredService<OrphanSweep>().SweepAsync(CancellationToken.None);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(removed, Is.EqualTo(1));
                Assert.That(File.Exists(oldOrphan), Is.False, "an upload that never committed, long ago");
                Assert.That(File.Exists(newOrphan), Is.True, "perhaps an upload in progress on another node");
                Assert.That(File.Exists(App.FilePath(named)), Is.True, "a shared file, however old");
            }
        }
    }

    private string Orphan(string prefix, DateTime writtenAt)
    {
        var key = prefix + Guid.NewGuid().ToString("N")[2..] + ".bin";
        var path = App.FilePath(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "left behind");
        File.SetLastWriteTimeUtc(path, writtenAt);
        return path;
    }
}
