using RtChat.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RtChat.Web.Tests.EndToEnd;

/// <summary>
/// Across nodes a message can reach a page after a newer one, or twice (a resume's overlap, a catch-up): the page
/// places each by id and shows it once.
/// </summary>
public sealed class DeliveryOrderJourneyTests : BrowserJourney
{
    // The server skips a live copy of what its resume replayed: with no overlap, the copies below reach the page.
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Realtime:ResumeOverlap"] = "0" };

    [Test]
    public async Task A_late_message_takes_its_place_by_id_and_a_repeat_is_not_shown_twice()
    {
        var alice = await SignUpAsync("alice");
        var ids = await App.SeedMessagesAsync(alice.User, 3);
        await alice.Page.ReloadAsync();
        await ExpectSocketOpenAsync(alice.Page);
        var articles = alice.Messages.Locator("article");
        await Expect(articles).ToHaveCountAsync(3);
        // As if the middle one had not reached the page yet.
        await alice.Page.EvaluateAsync("id => document.getElementById(`message-${id}`).remove()", ids[1]);
        await Expect(articles).ToHaveCountAsync(2);

        await App.PublishAgainAsync(ChatSteps.PublicRoom, ids[2]);
        await App.PublishAgainAsync(ChatSteps.PublicRoom, ids[1]);

        await Expect(articles).ToHaveCountAsync(3);
        var shown = await articles.EvaluateAllAsync<long[]>("els => els.map(e => Number(e.dataset.messageId))");
        Assert.That(shown, Is.EqualTo(ids), "in id order, each once");
        AssertNoBrowserErrors();
    }
}
