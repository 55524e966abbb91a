using RtChat.Web.Domain;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Tests.Domain.Chat;

public sealed class ChatRoomPostingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly MessageRules Rules = new();

    private static ChatRoom PublicRoom() => new(ChatRoom.PublicChatName, RoomKind.Public, Now);

    private static ChatRoom Group(params string[] members)
    {
        var room = new ChatRoom("friends", RoomKind.Group, Now, "Friends", members.FirstOrDefault());
        foreach (var member in members) room.Join(member, Now);
        return room;
    }

    [Test]
    public void Post_trims_the_body_and_keeps_author_room_and_time()
    {
        var room = PublicRoom();

        var message = room.Post("alice", "  \n hello there \t ", Rules, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Body, Is.EqualTo("hello there"));
            Assert.That(message.AuthorId, Is.EqualTo("alice"));
            Assert.That(message.RoomId, Is.EqualTo(room.Id));
            Assert.That(message.CreatedAt, Is.EqualTo(Now));
        }
    }

    [Test]
    public void Post_keeps_new_lines_as_line_feeds_whatever_the_browser_sent()
    {
        var message = PublicRoom().Post("alice", "one\r\ntwo\rthree\nfour", Rules, Now);

        Assert.That(message.Body, Is.EqualTo("one\ntwo\nthree\nfour"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\r\n\t ")]
    public void Post_refuses_an_empty_or_blank_body(string? body)
    {
        var refused = Assert.Throws<DomainRuleException>(() => PublicRoom().Post("alice", body, Rules, Now));

        Assert.That(refused.Message, Is.EqualTo("Write something before sending."));
    }

    [Test]
    public void Post_accepts_exactly_the_maximum_length_after_trimming_and_refuses_one_more()
    {
        var rules = new MessageRules(MaxLength: 10);
        var room = PublicRoom();

        var atLimit = room.Post("alice", "   " + new string('a', 10) + "   ", rules, Now);
        var refused = Assert.Throws<DomainRuleException>(() => room.Post("alice", new string('a', 11), rules, Now));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(atLimit.Body, Has.Length.EqualTo(10));
            Assert.That(refused.Message, Does.StartWith("Messages are at most 10 characters; this one has 11"));
        }
    }

    [Test]
    public void Default_rules_allow_2000_characters()
    {
        var room = PublicRoom();

        Assert.That(room.Post("alice", new string('a', MessageRules.DefaultMaxLength), Rules, Now).Body, Has.Length.EqualTo(2000));
        Assert.Throws<DomainRuleException>(() => room.Post("alice", new string('a', MessageRules.DefaultMaxLength + 1), Rules, Now));
    }

    [Test]
    public void Public_room_is_readable_and_writable_by_anyone()
    {
        var room = PublicRoom();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(room.CanBeReadBy("anyone"), Is.True);
            Assert.That(room.Post("anyone", "hi", Rules, Now).AuthorId, Is.EqualTo("anyone"));
            Assert.That(room.DisplayTitle, Is.EqualTo("Public chat"));
        }
    }

    [Test]
    public void Group_room_refuses_a_message_from_a_non_member()
    {
        var room = Group("alice", "bob");

        var refused = Assert.Throws<DomainRuleException>(() => room.Post("mallory", "let me in", Rules, Now));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.Message, Is.EqualTo("You are not a member of this chat."));
            Assert.That(room.CanBeReadBy("mallory"), Is.False);
            Assert.That(room.CanBeReadBy("bob"), Is.True);
            Assert.That(room.Post("bob", "hi alice", Rules, Now).Body, Is.EqualTo("hi alice"));
        }
    }

    [Test]
    public void Private_room_refuses_a_message_from_an_outsider()
    {
        var room = new ChatRoom("alice-bob", RoomKind.Private, Now);
        room.Join("alice", Now);
        room.Join("bob", Now);

        Assert.Throws<DomainRuleException>(() => room.Post("mallory", "hi", Rules, Now));
    }

    [Test]
    public void Membership_is_checked_before_the_body()
    {
        var refused = Assert.Throws<DomainRuleException>(() => Group("alice").Post("mallory", "", Rules, Now));

        Assert.That(refused.Message, Is.EqualTo("You are not a member of this chat."));
    }

    [Test]
    public void Joining_twice_keeps_one_membership()
    {
        var room = Group("alice");

        var again = room.Join("alice", Now.AddDays(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(room.Members, Has.Count.EqualTo(1));
            Assert.That(again.JoinedAt, Is.EqualTo(Now));
        }
    }
}
