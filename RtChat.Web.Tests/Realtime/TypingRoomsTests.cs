using RtChat.Web.Tests.Support;
using RtChat.Web.Realtime;

namespace RtChat.Web.Tests.Realtime;

/// <summary>Who is typing where: only a start or an expiry is a change for the rooms to hear.</summary>
public sealed class TypingRoomsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(4);
    private readonly ManualClock _clock = new();
    private TypingRooms _rooms = null!;

    [SetUp]
    public void NewRooms() => _rooms = new TypingRooms(new RealtimeOptions { TypingTimeout = Timeout }, _clock);

    [Test]
    public void Someone_starting_to_type_is_a_change_and_typing_on_is_none()
    {
        _rooms.Mark(1, "alice");
        var started = _rooms.TakeChanges();
        _clock.Now += Timeout / 2;
        _rooms.Mark(1, "alice");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(started.Single().RoomId, Is.EqualTo(1));
            Assert.That(started.Single().UserIds, Is.EqualTo(new[] { "alice" }));
            Assert.That(_rooms.TakeChanges(), Is.Empty);
        }
    }

    [Test]
    public void Silence_for_the_timeout_is_a_change_to_nobody_typing_and_then_nothing()
    {
        _rooms.Mark(1, "alice");
        _rooms.Mark(2, "bob");
        _rooms.TakeChanges();
        _clock.Now += Timeout / 2;
        _rooms.Mark(2, "bob");

        _clock.Now += Timeout / 2;
        var expired = _rooms.TakeChanges();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(expired.Single().RoomId, Is.EqualTo(1), "bob typed since: his room has no change");
            Assert.That(expired.Single().UserIds, Is.Empty);
            Assert.That(_rooms.TakeChanges(), Is.Empty);
        }
    }

    [Test]
    public void A_room_lists_everyone_typing_there_and_no_one_from_elsewhere()
    {
        _rooms.Mark(1, "alice");
        _rooms.Mark(1, "bob");
        _rooms.Mark(2, "carol");

        var changes = _rooms.TakeChanges().ToDictionary(change => change.RoomId, change => change.UserIds);

        Assert.That(changes[1], Is.EquivalentTo(new[] { "alice", "bob" }));
        Assert.That(changes[2], Is.EqualTo(new[] { "carol" }));
    }

    [Test]
    public void A_page_opening_where_someone_types_has_the_room_sent_again_and_elsewhere_nothing()
    {
        _rooms.Mark(1, "alice");
        _rooms.TakeChanges();

        _rooms.Opened(1);
        _rooms.Opened(2);

        Assert.That(_rooms.TakeChanges().Select(change => change.RoomId), Is.EqualTo(new[] { 1 }));
    }
}
