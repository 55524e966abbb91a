using System.Net;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Components.Chat;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary>Replying over HTTP: the reply is stored with its original, quotes it, and refuses what is not of the room.</summary>
public sealed class ReplyTests : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Chat:SendLimit"] = "1000" };

    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}";

    [Test]
    public async Task A_reply_quotes_its_originals_author_and_first_words_for_everyone()
    {
        using var people = await App.TwoPeopleAsync();
        var original = await App.SendAsync(people.AliceWeb, ChatSteps.PublicRoom, Unique("**Lunch** at noon?"));

        var reply = await App.SendAsync(people.BobWeb, ChatSteps.PublicRoom, Unique("Yes!"), replyTo: original);

        foreach (var web in new[] { people.AliceWeb, people.BobWeb })
        {
            var quote = (await web.ArticleAsync(ChatSteps.PublicRoom, reply)).QuerySelector("a.message-reply");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(quote?.GetAttribute("data-reply-to"), Is.EqualTo(original.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                Assert.That(quote?.GetAttribute("href"), Is.EqualTo($"?around={original}"));
                Assert.That(quote?.QuerySelector(".message-reply-author")?.TextContent, Is.EqualTo(people.Alice.Username));
                Assert.That(quote?.QuerySelector(".message-reply-snippet")?.TextContent, Does.StartWith("Lunch at noon?"));
            }
        }
    }

    [Test]
    public async Task A_reply_to_a_message_of_another_room_is_refused_and_keeps_the_text_and_the_reply()
    {
        using var chat = await App.PrivateChatAsync();
        var elsewhere = await App.SendAsync(chat.AliceWeb, chat.Room, Unique("Private"));
        var composer = await chat.AliceWeb.OpenComposerAsync(ChatSteps.PublicRoom);
        var text = Unique("Replying across rooms");

        using var response = await composer.ReplyAsync(elsewhere, text);

        var fragment = await HtmlPage.ParseAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(fragment.Document.QuerySelector(".composer-error")?.TextContent, Is.EqualTo(ChatRoom.ReplyElsewhere));
            Assert.That(fragment.Document.QuerySelector("textarea[name=Body]")?.TextContent, Is.EqualTo(text));
            Assert.That(fragment.Document.QuerySelector("input[name=ReplyTo]")?.GetAttribute("value"), Is.EqualTo(elsewhere.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(await App.HasMessageAsync(text), Is.False);
        }
    }

    [Test]
    public async Task A_reply_to_a_message_that_does_not_exist_is_refused()
    {
        var (web, _) = await App.SignedUpAsync("replier");
        using var __ = web;
        var composer = await web.OpenComposerAsync();

        using var response = await composer.ReplyAsync(long.MaxValue, Unique("To nothing"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    [Test]
    public async Task A_reply_whose_original_is_deleted_says_the_original_was_deleted()
    {
        using var people = await App.TwoPeopleAsync();
        var original = await App.SendAsync(people.AliceWeb, ChatSteps.PublicRoom, Unique("Soon gone"));
        var reply = await App.SendAsync(people.BobWeb, ChatSteps.PublicRoom, Unique("Answer"), replyTo: original);

        await App.DeleteMessageAsync(original);

        var article = await people.BobWeb.ArticleAsync(ChatSteps.PublicRoom, reply);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.QuerySelector(".message-reply-deleted")?.TextContent, Is.EqualTo(ReplyView.DeletedText));
            Assert.That(article.QuerySelector("a.message-reply"), Is.Null);
            Assert.That(await App.HasMessageAsync((await people.BobWeb.ArticleAsync(ChatSteps.PublicRoom, reply)).QuerySelector(".message-body")!.TextContent), Is.True,
                "the reply stays");
        }
    }

    [Test]
    public async Task A_reply_whose_original_its_author_took_back_says_the_original_was_deleted_and_quotes_nothing()
    {
        using var people = await App.TwoPeopleAsync();
        var original = await App.SendAsync(people.AliceWeb, ChatSteps.PublicRoom, Unique("Taken back"));
        var reply = await App.SendAsync(people.BobWeb, ChatSteps.PublicRoom, Unique("Answer"), replyTo: original);
        var aliceId = await App.UserIdAsync(people.Alice);

        await App.QueryAsync(async db =>
        {
            (await db.Messages.SingleAsync(m => m.Id == original)).Delete(aliceId, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var article = await people.BobWeb.ArticleAsync(ChatSteps.PublicRoom, reply);
        using var again = await (await people.BobWeb.OpenComposerAsync()).ReplyAsync(original, Unique("To a tombstone"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.QuerySelector(".message-reply-deleted")?.TextContent, Is.EqualTo(ReplyView.DeletedText));
            Assert.That(article.QuerySelector(".message-reply")?.TextContent, Does.Not.Contain(people.Alice.Username));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), "no new reply to a deleted message");
        }
    }

    [Test]
    public async Task A_message_without_a_reply_has_no_quote()
    {
        var (web, _) = await App.SignedUpAsync("plain");
        using var __ = web;

        var id = await App.SendAsync(web, ChatSteps.PublicRoom, Unique("Just this"));

        Assert.That((await web.ArticleAsync(ChatSteps.PublicRoom, id)).QuerySelector(".message-reply"), Is.Null);
    }
}
