using System.Net;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Realtime;
using RtChat.Web.Tests.Support;
using static RtChat.Web.Tests.Support.ReactionSteps;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary><c>/messages/{id}/react</c>: a reader toggles an emoji on a message; outsiders learn nothing; each rule refuses clearly.</summary>
public sealed class ReactTests : AppFixture
{
    private const int ReactionLimit = 4;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Chat:ReactionLimit"] = ReactionLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A group of its maker alone, with one message in it.</summary>
    private async Task<(WebSession Web, TestUser User, string Room, long MessageId)> GroupWithMessageAsync(string prefix = "reactor")
    {
        var (web, user) = await App.SignedUpAsync(prefix);
        var room = await App.CreateGroupAsync(user);
        var body = $"React to me in {room}";
        await (await web.OpenComposerAsync(room)).SendAsync(body);
        return (web, user, room, await App.MessageIdAsync(body));
    }

    [Test]
    public async Task A_reader_puts_a_reaction_on_and_the_same_toggle_takes_it_off()
    {
        var (web, user, _, id) = await GroupWithMessageAsync();
        using var _ = web;
        var userId = await App.UserIdAsync(user);

        using var on = await web.ReactAsync(id, ThumbsUp);
        var afterOn = await App.ReactionsOnAsync(id);
        using var off = await web.ReactAsync(id, ThumbsUp);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(on.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(afterOn, Is.EqualTo(new[] { (ThumbsUp, userId) }));
            Assert.That(off.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await App.ReactionsOnAsync(id), Is.Empty);
        }
    }

    [Test]
    public async Task The_room_page_shows_each_emoji_with_its_count_and_who_reacted()
    {
        var (web, user, room, id) = await GroupWithMessageAsync();
        using var _ = web;
        await web.OpenComposerAsync(room); // the room's newest page is kept: the reaction must make it forget
        using (await web.ReactAsync(id, ThumbsUp)) { }

        var page = await web.GetPageAsync(ChatSteps.RoomPath(room));

        var pill = page.Document.QuerySelector($"#message-{id} .reaction");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pill?.TextContent, Is.EqualTo($"{ThumbsUp} 1"));
            Assert.That(pill?.GetAttribute("title"), Is.EqualTo($"{user.Username} reacted with {ThumbsUp}"));
            Assert.That(pill?.GetAttribute("data-reactors"), Is.EqualTo(await App.UserIdAsync(user)));
        }
    }

    [Test]
    public async Task An_outsider_gets_not_found_and_nothing_changes()
    {
        var (web, _, _, id) = await GroupWithMessageAsync();
        web.Dispose();
        var (outsider, _) = await App.SignedUpAsync("outsider");
        using var __ = outsider;

        using var reacted = await outsider.ReactAsync(id, ThumbsUp);
        using var looked = await outsider.GetAsync(ReactPath(id));
        using var missing = await outsider.ReactAsync(long.MaxValue, ThumbsUp);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reacted.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(looked.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the same answer as for a message that does not exist");
            Assert.That(await App.ReactionsOnAsync(id), Is.Empty);
        }
    }

    [Test]
    public async Task An_emoji_outside_the_set_is_refused_with_the_set()
    {
        var (web, _, _, id) = await GroupWithMessageAsync();
        using var _ = web;

        using var refused = await web.ReactAsync(id, "🍕");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(await refused.Content.ReadAsStringAsync(), Is.EqualTo(Reaction.Refusal));
            Assert.That(await App.ReactionsOnAsync(id), Is.Empty);
        }
    }

    [Test]
    public async Task A_deleted_message_takes_no_reactions()
    {
        var (web, _, _, id) = await GroupWithMessageAsync();
        using var _ = web;
        await App.DeleteAsync(id);

        using var refused = await web.ReactAsync(id, ThumbsUp);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await refused.Content.ReadAsStringAsync(), Is.EqualTo("This message was deleted."));
    }

    [Test]
    public async Task Reacting_too_fast_is_refused_until_the_window_passes()
    {
        var (web, _, _, id) = await GroupWithMessageAsync();
        using var _ = web;
        for (var i = 0; i < ReactionLimit; i++)
            using (var allowed = await web.ReactAsync(id, ThumbsUp))
                Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), $"toggle {i + 1}");

        using var refused = await web.ReactAsync(id, Party);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(await refused.Content.ReadAsStringAsync(), Is.EqualTo(ReactionThrottle.Refusal));
            Assert.That(await App.ReactionsOnAsync(id), Is.Empty, "an even number of toggles, and the refused one not made");
        }
    }

    [Test]
    public async Task Without_the_request_token_nothing_changes()
    {
        var (web, _, _, id) = await GroupWithMessageAsync();
        using var _ = web;

        using var forged = await web.PostWithTokenAsync(ReactPath(id), token: null, new Dictionary<string, string> { ["emoji"] = ThumbsUp }, htmx: true);

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await App.ReactionsOnAsync(id), Is.Empty);
    }

    [Test]
    public async Task Without_script_the_react_page_offers_each_emoji_and_its_form_goes_back_to_the_room()
    {
        var (web, _, room, id) = await GroupWithMessageAsync();
        using var _ = web;

        var page = await web.GetPageAsync(ReactPath(id));
        using var reacted = await web.SubmitAsync(page, "form.reaction-choices", button: $"button[value='{Party}']");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Document.QuerySelectorAll("form.reaction-choices button[name=emoji]").Select(b => b.GetAttribute("value")),
                Is.EqualTo(Reaction.Allowed));
            Assert.That(reacted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(reacted.Headers.Location?.OriginalString, Is.EqualTo(ChatSteps.RoomPath(room)));
            Assert.That((await App.ReactionsOnAsync(id)).Select(r => r.Emoji), Is.EqualTo(new[] { Party }));
        }
    }

    [Test]
    public async Task Deleting_an_account_takes_its_reactions_and_leaves_the_others()
    {
        var (web, author, room, id) = await GroupWithMessageAsync("author");
        using var _ = web;
        var (leaverWeb, leaver) = await App.SignedUpAsync("leaver");
        using var __ = leaverWeb;
        var leaverId = await App.UserIdAsync(leaver);
        await App.JoinAsync(room, leaverId);
        var leaversBody = $"The leaver's own message in {room}";
        await (await leaverWeb.OpenComposerAsync(room)).SendAsync(leaversBody);
        var leaversMessage = await App.MessageIdAsync(leaversBody);
        using (await leaverWeb.ReactAsync(id, ThumbsUp)) { }
        using (await web.ReactAsync(id, ThumbsUp)) { }
        using (await web.ReactAsync(leaversMessage, Party)) { }

        using var deleted = await leaverWeb.SubmitAsync(await leaverWeb.GetPageAsync(ProfileSteps.DeletePath));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(await App.QueryAsync(db => db.Users.AnyAsync(u => u.Id == leaverId)), Is.False, "the account is gone");
            Assert.That(await App.ReactionsOnAsync(id), Is.EqualTo(new[] { (ThumbsUp, await App.UserIdAsync(author)) }));
            Assert.That(await App.QueryAsync(db => db.Reactions.AnyAsync(r => r.MessageId == leaversMessage)), Is.False,
                "reactions to its messages go with them");
        }
    }

    [Test]
    public async Task Deleting_a_room_deletes_its_messages_reactions()
    {
        var (web, _, room, id) = await GroupWithMessageAsync();
        using var _ = web;
        using (await web.ReactAsync(id, ThumbsUp)) { }

        using var left = await web.SubmitAsync(await web.GetPageAsync(RoomSteps.LeavePath(room)));

        Assert.That(left.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await App.QueryAsync(db => db.Rooms.AnyAsync(r => r.Name == room)), Is.False, "the last one out deletes the group");
        Assert.That(await App.QueryAsync(db => db.Reactions.AnyAsync(r => r.MessageId == id)), Is.False);
    }
}
