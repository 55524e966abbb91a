using Microsoft.EntityFrameworkCore;
using RtChat.Web.Data;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Data;

/// <summary>A power cut may roll back SQLite's last commits; the ids they used must never be handed out again.</summary>
public sealed class MessageIdGapTests : AppFixture
{
    /// <summary>What a power cut leaves when the message's commit had not reached the disk: no message, the sequence before it.</summary>
    private Task RollBackAsync(long messageId) =>
        App.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "DELETE FROM Messages WHERE Id = {0}; UPDATE sqlite_sequence SET seq = {0} - 1 WHERE name = 'Messages';", messageId));

    /// <summary>What the app does on every start.</summary>
    private Task RestartStepAsync() => App.QueryAsync(async db =>
    {
        await MessageIdGap.SkipAsync(db);
        return 0;
    });

    [Test]
    public async Task A_page_that_saw_a_rolled_back_message_gets_the_next_one_when_it_resumes()
    {
        var (web, user) = await App.SignedUpAsync("powercut");
        using var _ = web;
        var room = await App.CreateGroupAsync(user);
        var composer = await web.OpenComposerAsync(room);
        await composer.SendAsync("seen, then lost in the power cut");
        var seen = await App.MessageIdAsync("seen, then lost in the power cut");

        await RollBackAsync(seen);
        await RestartStepAsync();
        await composer.SendAsync("the first message after the restart");
        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, room, name: "the page that saw the lost message");
        await page.SendResumeAsync(seen);

        var next = await App.MessageIdAsync("the first message after the restart");
        Assert.That(next, Is.GreaterThan(seen), "the lost message's id is not used again");
        await page.WaitForMessageAsync(next);
    }

    [Test]
    public async Task Each_start_moves_the_sequence_past_every_id_handed_out()
    {
        var before = await App.QueryAsync(db => db.Database.SqlQueryRaw<long>("SELECT seq AS Value FROM sqlite_sequence WHERE name = 'Messages'").SingleAsync());

        await RestartStepAsync();

        var after = await App.QueryAsync(db => db.Database.SqlQueryRaw<long>("SELECT seq AS Value FROM sqlite_sequence WHERE name = 'Messages'").SingleAsync());
        Assert.That(after, Is.EqualTo(before + MessageIdGap.Gap));
    }
}
