using RtChat.Web.Tests.Support;
using RtChat.Web.Realtime;

namespace RtChat.Web.Tests.Realtime;

public sealed class InMemoryPresenceTests
{
    private const int Room = 1;

    private readonly ManualClock _clock = new();
    private readonly RealtimeOptions _options = new() { PresenceTtl = TimeSpan.FromSeconds(60) };

    private InMemoryPresence NewPresence() => new(_clock, _options);

    [Test]
    public async Task Two_tabs_of_one_user_count_once_and_closing_one_keeps_the_user_online()
    {
        var presence = NewPresence();
        var (tab1, tab2) = (Guid.NewGuid(), Guid.NewGuid());
        await presence.ConnectedAsync(Room, "alice", tab1);
        await presence.ConnectedAsync(Room, "alice", tab2);
        await presence.ConnectedAsync(Room, "bob", Guid.NewGuid());
        var both = await presence.OnlineInAsync(Room);

        await presence.DisconnectedAsync(tab1);
        var afterOneTab = await presence.OnlineInAsync(Room);
        await presence.DisconnectedAsync(tab2);
        var afterBothTabs = await presence.OnlineInAsync(Room);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(both, Is.EquivalentTo(new[] { "alice", "bob" }));
            Assert.That(afterOneTab, Is.EquivalentTo(new[] { "alice", "bob" }));
            Assert.That(afterBothTabs, Is.EquivalentTo(new[] { "bob" }));
            Assert.That(await presence.OnlineTotalAsync(), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_connection_not_refreshed_within_the_ttl_expires_and_names_its_room()
    {
        var presence = NewPresence();
        var silent = Guid.NewGuid();
        var alive = Guid.NewGuid();
        await presence.ConnectedAsync(Room, "silent", silent);
        await presence.ConnectedAsync(2, "alive", alive);

        _clock.Now += TimeSpan.FromSeconds(40);
        await presence.RefreshAsync([alive]);
        _clock.Now += TimeSpan.FromSeconds(30);
        var expiredRooms = await presence.ExpireAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(expiredRooms, Is.EquivalentTo(new[] { Room }));
            Assert.That(await presence.OnlineInAsync(Room), Is.Empty);
            Assert.That(await presence.OnlineInAsync(2), Is.EquivalentTo(new[] { "alive" }));
        }
    }

    [Test]
    public async Task An_expired_entry_no_longer_counts_in_its_room_even_before_it_is_swept()
    {
        var presence = NewPresence();
        await presence.ConnectedAsync(Room, "ghost", Guid.NewGuid());

        _clock.Now += TimeSpan.FromSeconds(61);

        Assert.That(await presence.OnlineInAsync(Room), Is.Empty);
    }

    [Test]
    public async Task The_site_total_counts_people_not_tabs_and_drops_them_when_their_last_connection_goes()
    {
        var presence = NewPresence();
        var (tab1, tab2, ghost) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await presence.ConnectedAsync(Room, "alice", tab1);
        await presence.ConnectedAsync(null, "alice", tab2);
        await presence.ConnectedAsync(2, "ghost", ghost);
        var withAll = await presence.OnlineTotalAsync();

        await presence.DisconnectedAsync(tab1);
        var withOneTab = await presence.OnlineTotalAsync();
        _clock.Now += TimeSpan.FromSeconds(61);
        await presence.RefreshAsync([tab2]);
        await presence.ExpireAsync();
        var afterTheGhostExpired = await presence.OnlineTotalAsync();
        await presence.DisconnectedAsync(tab2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(withAll, Is.EqualTo(2));
            Assert.That(withOneTab, Is.EqualTo(2));
            Assert.That(afterTheGhostExpired, Is.EqualTo(1));
            Assert.That(await presence.OnlineTotalAsync(), Is.Zero);
        }
    }
}
