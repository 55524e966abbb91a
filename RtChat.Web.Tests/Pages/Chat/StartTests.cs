using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Pages.Chat;

/// <summary><c>/chat/start/{username}</c>: "Message" on a profile, into the one private room of the pair.</summary>
public sealed class StartTests : AppFixture
{
    [Test]
    public async Task Message_on_a_profile_opens_a_private_room_both_people_can_read()
    {
        using var people = await App.TwoPeopleAsync();
        var (aliceWeb, _, bobWeb, bob) = people;

        var room = await aliceWeb.StartPrivateChatAsync(bob);

        using var forAlice = await aliceWeb.GetAsync(ChatSteps.RoomPath(room));
        using var forBob = await bobWeb.GetAsync(ChatSteps.RoomPath(room));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forAlice.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(forBob.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Starting_again_from_either_side_leads_to_the_same_room()
    {
        using var people = await App.TwoPeopleAsync();
        var (aliceWeb, alice, bobWeb, bob) = people;

        var first = await aliceWeb.StartPrivateChatAsync(bob);
        var again = await aliceWeb.StartPrivateChatAsync(bob);
        var fromBob = await bobWeb.StartPrivateChatAsync(alice);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(fromBob, Is.EqualTo(first));
            Assert.That(await App.PrivateRoomsOfAsync(alice, bob), Is.EqualTo(new[] { first }));
        }
    }

    [Test]
    public async Task Twenty_concurrent_starts_from_both_sides_make_one_room_and_all_lead_to_it()
    {
        using var people = await App.TwoPeopleAsync();
        var (aliceWeb, alice, bobWeb, bob) = people;
        var aliceToken = await aliceWeb.RequestTokenAsync();
        var bobToken = await bobWeb.RequestTokenAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? aliceWeb.PostWithTokenAsync(RoomSteps.StartPath(bob.Username), aliceToken)
            : bobWeb.PostWithTokenAsync(RoomSteps.StartPath(alice.Username), bobToken)));

        var rooms = await App.PrivateRoomsOfAsync(alice, bob);
        var statuses = responses.Select(r => r.StatusCode).ToList();
        var ledTo = responses.Where(r => r.StatusCode == HttpStatusCode.Redirect).Select(RoomSteps.RoomOf).Distinct().ToList();
        foreach (var response in responses) response.Dispose();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rooms, Has.Count.EqualTo(1), "one private room for the pair");
            Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.Redirect));
            Assert.That(ledTo, Is.EqualTo(rooms), "every start leads to that room");
        }
    }

    [Test]
    public async Task Messaging_yourself_leads_to_your_profile_and_makes_no_room()
    {
        var (web, user) = await App.SignedUpAsync("self");
        using var _ = web;

        using var response = await web.PostFormAsync(RoomSteps.StartPath(user.Username));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/profile"));
            Assert.That(await App.PrivateRoomsOfAsync(user, user), Is.Empty);
        }
    }

    [Test]
    public async Task Messaging_an_unknown_user_is_not_found()
    {
        var (web, _) = await App.SignedUpAsync("alice");
        using var __ = web;

        using var response = await web.PostFormAsync(RoomSteps.StartPath("nobody_" + Guid.NewGuid().ToString("N")[..8]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_get_of_the_start_address_shows_the_profile_and_makes_no_room()
    {
        using var people = await App.TwoPeopleAsync();
        var (aliceWeb, alice, _, bob) = people;

        using var response = await aliceWeb.GetAsync(RoomSteps.StartPath(bob.Username));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/u/" + bob.Username));
            Assert.That(await App.PrivateRoomsOfAsync(alice, bob), Is.Empty);
        }
    }
}
