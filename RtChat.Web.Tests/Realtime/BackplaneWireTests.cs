using System.Text;
using RtChat.Web.Data;
using RtChat.Web.Realtime;

namespace RtChat.Web.Tests.Realtime;

/// <summary>What goes on the backplane's channel comes off it the same, and anything else is refused.</summary>
public sealed class BackplaneWireTests
{
    private static readonly Guid Node = Guid.NewGuid();

    private static readonly SocketFrame Frame = new(
        Audience.Room(7, ["u1", "u2"]).Except(9) with { SparedStamp = "stamp" }, Encoding.UTF8.GetBytes("<div>hi</div>"), MessageId: 42, EndsSocket: true, ChangeId: 5);

    [Test]
    public void A_frame_comes_off_the_wire_with_its_audience_payload_and_message_id()
    {
        var back = BackplaneWire.Decode(BackplaneWire.Encode(new BackplaneMessage(Node, Frame: Frame))).Frame!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(back.To with { UserIds = null }, Is.EqualTo(Frame.To with { UserIds = null }));
            Assert.That(back.To.UserIds, Is.EqualTo(Frame.To.UserIds));
            Assert.That(back.Payload.ToArray(), Is.EqualTo(Frame.Payload.ToArray()));
            Assert.That((back.MessageId, back.EndsSocket, back.ChangeId), Is.EqualTo((42L, true, 5L)));
        }
    }

    [Test]
    public void Stale_caches_a_revocation_and_a_catch_up_come_off_the_wire_with_their_sender()
    {
        var stale = new StaleCaches(["u1"], ["room-a", "room-b"], [3, 4], AllPages: true);

        var forget = BackplaneWire.Decode(BackplaneWire.Encode(new BackplaneMessage(Node, Stale: stale)));
        var revoked = BackplaneWire.Decode(BackplaneWire.Encode(new BackplaneMessage(Node, RevokedUser: "u9")));
        var catchUp = BackplaneWire.Decode(BackplaneWire.Encode(new BackplaneMessage(Node, CatchUpAfter: new CatchUpPoint(0, 7))));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((forget.Sender, forget.Stale!.Users, forget.Stale.Rooms, forget.Stale.RoomPages, forget.Stale.AllPages),
                Is.EqualTo((Node, stale.Users, stale.Rooms, stale.RoomPages, true)));
            Assert.That((revoked.Sender, revoked.RevokedUser, revoked.Frame), Is.EqualTo((Node, "u9", (SocketFrame?)null)));
            Assert.That((catchUp.Sender, catchUp.CatchUpAfter, catchUp.RevokedUser), Is.EqualTo((Node, new CatchUpPoint(0, 7), (string?)null)));
        }
    }

    [Test]
    public void A_typing_signal_comes_off_the_wire_with_its_room_and_user()
    {
        var back = BackplaneWire.Decode(BackplaneWire.Encode(new BackplaneMessage(Node, Typing: new TypingSignal(7, "u1"))));

        Assert.That((back.Sender, back.Typing, back.Frame), Is.EqualTo((Node, new TypingSignal(7, "u1"), (SocketFrame?)null)));
    }

    [Test]
    public void Anything_but_a_whole_message_of_this_version_is_refused()
    {
        var whole = BackplaneWire.Encode(new BackplaneMessage(Node, Frame: Frame));
        byte[][] garbage = [[], "hello"u8.ToArray(), whole[..^1], [.. whole, 0], [2, .. whole[1..]], [1, 9, .. whole[2..]],
            [.. whole[..18], 7, .. whole[19..]]];

        var typing = BackplaneWire.Encode(new BackplaneMessage(Node, Typing: new TypingSignal(7, "u1")));
        garbage = [.. garbage, typing[..^1], [.. typing, 0], typing[..20]];

        foreach (var bytes in garbage)
            Assert.Throws<InvalidDataException>(() => BackplaneWire.Decode(bytes), $"{bytes.Length} bytes");
    }

    [Test]
    public void A_length_past_the_end_is_refused_without_reading_on()
    {
        var huge = BackplaneWire.Encode(new BackplaneMessage(Node, RevokedUser: "u"));
        huge[18] = 0xFF; // the string's length prefix: 7-bit encoded, now unfinished

        Assert.Throws<InvalidDataException>(() => BackplaneWire.Decode(huge));
    }
}
