using System.Net;
using RtChat.Web.Pages.Chat;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary>Whom the composer offers after "@": the room's people only, and nothing to those who cannot read the room.</summary>
public sealed class MentionableTests : AppFixture
{
    [Test]
    public async Task A_group_offers_its_members_whose_username_starts_so_but_not_the_reader_or_outsiders()
    {
        using var people = await App.TwoPeopleAsync();
        var (outsiderWeb, outsider) = await App.SignedUpAsync("bob");
        outsiderWeb.Dispose();
        var group = await App.CreateGroupAsync(people.Alice, people.Bob);

        var forAlice = await people.AliceWeb.MentionableAsync(group, "bo");
        var everyone = await people.AliceWeb.MentionableAsync(group, "");
        var withAt = await people.AliceWeb.MentionableAsync(group, "@" + people.Bob.Username[..5].ToUpperInvariant());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forAlice, Is.EqualTo(new[] { people.Bob.Username }), $"not {outsider.Username}, who is not a member");
            Assert.That(everyone, Is.EqualTo(new[] { people.Bob.Username }), "not alice herself");
            Assert.That(withAt, Is.EqualTo(new[] { people.Bob.Username }));
        }
    }

    [Test]
    public async Task The_public_room_offers_any_user_whose_username_starts_so()
    {
        using var people = await App.TwoPeopleAsync();

        var offered = await people.AliceWeb.MentionableAsync(ChatSteps.PublicRoom, people.Bob.Username);

        Assert.That(offered, Is.EqualTo(new[] { people.Bob.Username }));
    }

    [Test]
    public async Task At_most_eight_people_are_offered()
    {
        var (web, _) = await App.SignedUpAsync("many");
        using var __ = web;
        for (var i = 0; i < MentionableModel.Limit + 2; i++)
            (await App.SignedUpAsync("crowd")).Web.Dispose();

        var offered = await web.MentionableAsync(ChatSteps.PublicRoom, "crowd");

        Assert.That(offered, Has.Count.EqualTo(MentionableModel.Limit));
    }

    [Test]
    public async Task Someone_who_cannot_read_the_room_gets_404()
    {
        using var people = await App.TwoPeopleAsync();
        var (outsiderWeb, _) = await App.SignedUpAsync("outsider");
        using var __ = outsiderWeb;
        var group = await App.CreateGroupAsync(people.Alice, people.Bob);

        using var outsider = await outsiderWeb.GetAsync(ReplySteps.MentionablePath(group, "bo"), htmx: true);
        using var unknown = await outsiderWeb.GetAsync(ReplySteps.MentionablePath("no-such-room", "bo"), htmx: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outsider.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task A_query_longer_than_a_username_is_refused()
    {
        var (web, _) = await App.SignedUpAsync("long");
        using var __ = web;

        using var response = await web.GetAsync(ReplySteps.MentionablePath(ChatSteps.PublicRoom, new string('a', 21)), htmx: true);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_query_that_no_username_could_start_with_offers_nobody()
    {
        var (web, _) = await App.SignedUpAsync("odd");
        using var __ = web;

        Assert.That(await web.MentionableAsync(ChatSteps.PublicRoom, "a%"), Is.Empty);
    }

    [Test]
    public async Task Signed_out_visitors_are_sent_to_log_in()
    {
        using var web = App.NewSession();

        using var response = await web.GetAsync(ReplySteps.MentionablePath(ChatSteps.PublicRoom, "a"));

        AccountSteps.AssertRedirectsToLogin(response);
    }
}
