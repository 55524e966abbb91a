using RtChat.Web.Domain;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Tests.Domain.Chat;

/// <summary>Posting a reply and mentioning people: what a message keeps of both.</summary>
public sealed class ChatRoomReplyingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly MessageRules Rules = new();
    private static readonly MentionedUser Alice = new("alice-id", "alice");
    private static readonly MentionedUser Bob = new("bob-id", "bob_b");
    private static readonly MentionedUser Carol = new("carol-id", "carol");

    private static ChatRoom PublicRoom() => new(ChatRoom.PublicChatName, RoomKind.Public, Now);

    private static ChatRoom Group(params string[] members)
    {
        var room = new ChatRoom("friends", RoomKind.Group, Now, "Friends", members.FirstOrDefault());
        foreach (var member in members) room.Join(member, Now);
        return room;
    }

    private static ChatMessage Post(ChatRoom room, string body, ReplyTarget? replyTo = null, params MentionedUser[] known) =>
        room.Post(Alice.Id, body, Rules, Now, replyTo, known);

    private static IEnumerable<string> MentionedIds(ChatMessage message) => message.Mentions.Select(m => m.UserId);

    [Test]
    public void A_reply_keeps_the_id_of_the_message_it_answers_in_the_same_room()
    {
        var room = PublicRoom();

        var reply = Post(room, "Agreed", new ReplyTarget(41, room.Id));

        Assert.That(reply.ReplyToId, Is.EqualTo(41));
    }

    [Test]
    public void A_reply_to_a_message_of_another_room_is_refused()
    {
        var room = PublicRoom();

        var refused = Assert.Throws<DomainRuleException>(() => Post(room, "Agreed", new ReplyTarget(41, room.Id + 7)));

        Assert.That(refused.Message, Is.EqualTo(ChatRoom.ReplyElsewhere));
    }

    [Test]
    public void A_reply_to_a_message_that_is_gone_is_refused()
    {
        Assert.Throws<DomainRuleException>(() => Post(PublicRoom(), "Agreed", new ReplyTarget(41, RoomId: null)));
    }

    [Test]
    public void A_message_without_a_reply_answers_nothing()
    {
        Assert.That(Post(PublicRoom(), "Hello").ReplyToId, Is.Null);
    }

    [Test]
    public void In_the_public_room_any_existing_user_named_is_mentioned_in_the_order_named()
    {
        var message = Post(PublicRoom(), "@carol and @Bob_B, see this", null, Bob, Carol);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(MentionedIds(message), Is.EqualTo(new[] { Carol.Id, Bob.Id }));
            Assert.That(message.MentionedUsers, Is.EqualTo("carol-id:carol bob-id:bob_b"));
        }
    }

    [Test]
    public void In_a_group_only_members_are_mentioned()
    {
        var room = Group(Alice.Id, Bob.Id);

        var message = Post(room, "@bob_b @carol hello", null, Bob, Carol);

        Assert.That(MentionedIds(message), Is.EqualTo(new[] { Bob.Id }), "carol cannot read the group");
    }

    [Test]
    public void A_name_that_is_no_user_is_no_mention()
    {
        Assert.That(MentionedIds(Post(PublicRoom(), "hello @nobody", null, Bob)), Is.Empty);
    }

    [Test]
    public void The_author_naming_themselves_is_no_mention()
    {
        Assert.That(MentionedIds(Post(PublicRoom(), "it's me, @alice", null, Alice)), Is.Empty);
    }

    [Test]
    public void Each_user_is_mentioned_once_however_often_named()
    {
        Assert.That(MentionedIds(Post(PublicRoom(), "@carol @carol @CAROL", null, Carol)), Is.EqualTo(new[] { Carol.Id }));
    }

    [Test]
    public void At_most_twenty_users_are_mentioned()
    {
        var known = Enumerable.Range(1, 30).Select(i => new MentionedUser($"id-{i}", $"user{i:00}")).ToArray();
        var body = string.Join(' ', known.Select(u => "@" + u.Username));

        var message = Post(PublicRoom(), body, null, known);

        Assert.That(MentionedIds(message), Is.EqualTo(known.Take(Mentions.MaxPerMessage).Select(u => u.Id)));
    }

    [Test]
    public void A_non_member_still_cannot_post_a_reply_or_a_mention()
    {
        var refused = Assert.Throws<DomainRuleException>(() => Group("bob-id").Post("mallory", "@bob_b hi", Rules, Now, null, [Bob]));

        Assert.That(refused.Message, Is.EqualTo("You are not a member of this chat."));
    }
}
