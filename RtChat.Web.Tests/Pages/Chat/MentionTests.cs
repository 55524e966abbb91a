using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Data;
using RtChat.Web.Pages.Profile;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary>
/// Mentions over HTTP: who can be mentioned (in the public room every user, elsewhere the members), how the page shows
/// them, and that a mentioned user's account can still be deleted.
/// </summary>
public sealed class MentionTests : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Chat:SendLimit"] = "1000" };

    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}";

    /// <summary>Deletes the account the way its owner and the admin area both do.</summary>
    private async Task DeleteAccountAsync(string userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var deleted = await scope.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteAsync(await db.Users.SingleAsync(u => u.Id == userId));
        Assert.That(deleted.Succeeded, Is.True, string.Join("; ", deleted.Errors.Select(e => e.Description)));
    }

    [Test]
    public async Task In_the_public_room_any_user_can_be_mentioned_and_the_page_marks_it()
    {
        using var people = await App.TwoPeopleAsync();
        var aliceId = await App.UserIdAsync(people.Alice);

        var id = await App.SendAsync(people.BobWeb, ChatSteps.PublicRoom, Unique($"Hi @{people.Alice.Username}!"));

        var article = await people.AliceWeb.ArticleAsync(ChatSteps.PublicRoom, id);
        var mention = article.QuerySelector("a.mention");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await App.MentionedAsync(id), Is.EqualTo(new[] { aliceId }));
            Assert.That(article.GetAttribute("data-mentions"), Is.EqualTo(aliceId));
            Assert.That(mention?.GetAttribute("data-user-id"), Is.EqualTo(aliceId));
            Assert.That(mention?.GetAttribute("href"), Is.EqualTo($"/u/{people.Alice.Username}"));
            Assert.That(mention?.TextContent, Is.EqualTo($"@{people.Alice.Username}"));
        }
    }

    [Test]
    public async Task The_room_page_highlights_the_readers_own_mentions_by_its_style()
    {
        using var people = await App.TwoPeopleAsync();
        var aliceId = await App.UserIdAsync(people.Alice);

        var page = await people.AliceWeb.GetPageAsync("/");

        var style = page.Document.QuerySelectorAll("style").Select(s => s.TextContent).FirstOrDefault(s => s.Contains("data-mentions", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(style, Does.Contain($".message[data-mentions~=\"{aliceId}\"]"));
            Assert.That(style, Does.Contain($".mention[data-user-id=\"{aliceId}\"]"));
        }
    }

    [Test]
    public async Task In_a_group_only_members_are_mentioned_and_an_outsider_stays_plain_text()
    {
        using var people = await App.TwoPeopleAsync();
        var (outsiderWeb, outsider) = await App.SignedUpAsync("outsider");
        outsiderWeb.Dispose();
        var group = await App.CreateGroupAsync(people.Alice, people.Bob);
        var body = Unique($"@{people.Bob.Username} and @{outsider.Username}");

        var id = await App.SendAsync(people.AliceWeb, group, body);

        var article = await people.BobWeb.ArticleAsync(group, id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await App.MentionedAsync(id), Is.EqualTo(new[] { await App.UserIdAsync(people.Bob) }));
            Assert.That(article.QuerySelectorAll("a.mention").Select(a => a.TextContent), Is.EqualTo(new[] { $"@{people.Bob.Username}" }));
            Assert.That(article.QuerySelector(".message-body")?.TextContent, Is.EqualTo(body));
        }
    }

    [Test]
    public async Task A_body_naming_nobody_who_exists_mentions_nobody()
    {
        var (web, _) = await App.SignedUpAsync("lonely");
        using var __ = web;

        var id = await App.SendAsync(web, ChatSteps.PublicRoom, Unique("@nobody_here hello, mail me at me@example.com"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await App.MentionedAsync(id), Is.Empty);
            Assert.That((await web.ArticleAsync(ChatSteps.PublicRoom, id)).HasAttribute("data-mentions"), Is.False);
        }
    }

    [Test]
    public async Task A_mentioned_users_account_can_be_deleted_and_the_message_stays()
    {
        using var people = await App.TwoPeopleAsync();
        var aliceId = await App.UserIdAsync(people.Alice);
        var body = Unique($"Bye @{people.Alice.Username}");
        var id = await App.SendAsync(people.BobWeb, ChatSteps.PublicRoom, body);

        await DeleteAccountAsync(aliceId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await App.MentionedAsync(id), Is.Empty);
            Assert.That(await App.HasMessageAsync(body), Is.True);
        }
    }

    [Test]
    public async Task The_author_of_a_mention_can_delete_their_account()
    {
        using var people = await App.TwoPeopleAsync();
        var bobId = await App.UserIdAsync(people.Bob);
        var id = await App.SendAsync(people.BobWeb, ChatSteps.PublicRoom, Unique($"Hey @{people.Alice.Username}"));

        await DeleteAccountAsync(bobId);

        Assert.That(await App.QueryAsync(db => db.Messages.AnyAsync(m => m.Id == id)), Is.False, "the message went with its author, and its mentions with it");
    }
}
