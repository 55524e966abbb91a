using RtChat.Web.Domain;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Tests.Domain.Chat;

public sealed class ChatRoomMembershipTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A group alice created, which the others joined through its link one minute apart, in order.</summary>
    private static ChatRoom GroupOf(params string[] members)
    {
        var room = ChatRoom.CreateGroup("Friends", members[0], Now);
        for (var i = 1; i < members.Length; i++) room.JoinByInvite(members[i], room.InviteCode, Now.AddMinutes(i));
        return room;
    }

    [Test]
    public void A_new_group_has_its_trimmed_title_its_creator_as_admin_and_only_member_and_an_invite_code()
    {
        var room = ChatRoom.CreateGroup("  Book club \n", "alice", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(room.Kind, Is.EqualTo(RoomKind.Group));
            Assert.That(room.DisplayTitle, Is.EqualTo("Book club"));
            Assert.That(room.AdminId, Is.EqualTo("alice"));
            Assert.That(room.Members.Select(m => m.UserId), Is.EqualTo(new[] { "alice" }));
            Assert.That(room.InviteCode, Has.Length.EqualTo(RoomKeys.InviteCodeLength));
        }
    }

    [TestCase(null)]
    [TestCase("   ")]
    public void A_group_needs_a_title(string? title) =>
        Assert.Throws<DomainRuleException>(() => ChatRoom.CreateGroup(title, "alice", Now));

    [Test]
    public void A_group_title_is_at_most_128_characters()
    {
        Assert.DoesNotThrow(() => ChatRoom.CreateGroup(new string('a', 128), "alice", Now));
        Assert.Throws<DomainRuleException>(() => ChatRoom.CreateGroup(new string('a', 129), "alice", Now));
    }

    [Test]
    public void Two_groups_get_different_names_and_invite_codes()
    {
        var (one, two) = (GroupOf("alice"), GroupOf("alice"));

        Assert.That(one.Name, Is.Not.EqualTo(two.Name));
        Assert.That(one.InviteCode, Is.Not.EqualTo(two.InviteCode));
    }

    [Test]
    public void A_private_chat_has_both_people_and_the_same_pair_key_whoever_opens_it()
    {
        var opened = ChatRoom.OpenPrivate("alice", "bob", Now);
        var other = ChatRoom.OpenPrivate("bob", "alice", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(opened.Members.Select(m => m.UserId), Is.EquivalentTo(new[] { "alice", "bob" }));
            Assert.That(opened.PairKey, Is.EqualTo(other.PairKey));
            Assert.That(opened.CanBeReadBy("carol"), Is.False);
        }
    }

    [Test]
    public void Nobody_opens_a_private_chat_with_themselves() =>
        Assert.Throws<DomainRuleException>(() => ChatRoom.OpenPrivate("alice", "alice", Now));

    [Test]
    public void Joining_needs_the_current_invite_code()
    {
        var room = GroupOf("alice");
        var old = room.InviteCode;
        room.ResetInvite("alice");

        Assert.Throws<DomainRuleException>(() => room.JoinByInvite("bob", old, Now));
        Assert.Throws<DomainRuleException>(() => room.JoinByInvite("bob", null, Now));
        room.JoinByInvite("bob", room.InviteCode, Now);
        Assert.That(room.CanBeReadBy("bob"), Is.True);
    }

    [Test]
    public void A_removed_member_cannot_read_or_rejoin_until_the_admin_reinvites_them()
    {
        var room = GroupOf("alice", "bob");

        room.Remove("bob", "alice", Now);

        Assert.That(room.CanBeReadBy("bob"), Is.False);
        Assert.Throws<DomainRuleException>(() => room.JoinByInvite("bob", room.InviteCode, Now));
        room.Reinvite("bob", "alice");
        room.JoinByInvite("bob", room.InviteCode, Now);
        Assert.That(room.CanBeReadBy("bob"), Is.True);
    }

    [Test]
    public void Only_the_admin_renames_removes_reinvites_and_resets_the_link()
    {
        var room = GroupOf("alice", "bob", "carol");

        using (Assert.EnterMultipleScope())
        {
            Assert.Throws<DomainRuleException>(() => room.Rename("Mine now", "bob"));
            Assert.Throws<DomainRuleException>(() => room.Remove("carol", "bob", Now));
            Assert.Throws<DomainRuleException>(() => room.Reinvite("carol", "bob"));
            Assert.Throws<DomainRuleException>(() => room.ResetInvite("bob"));
            Assert.That(room.Members, Has.Count.EqualTo(3));
            Assert.That(room.DisplayTitle, Is.EqualTo("Friends"));
        }
    }

    [Test]
    public void The_admin_cannot_remove_themselves() =>
        Assert.Throws<DomainRuleException>(() => GroupOf("alice", "bob").Remove("alice", "alice", Now));

    [Test]
    public void An_admin_who_leaves_hands_the_group_to_the_longest_standing_member()
    {
        var room = GroupOf("alice", "bob", "carol");

        var empty = room.Leave("alice");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(empty, Is.False);
            Assert.That(room.AdminId, Is.EqualTo("bob"));
            Assert.That(room.CanBeReadBy("alice"), Is.False);
        }
    }

    [Test]
    public void A_member_who_leaves_leaves_the_admin_in_place()
    {
        var room = GroupOf("alice", "bob", "carol");

        room.Leave("bob");

        Assert.That(room.AdminId, Is.EqualTo("alice"));
        Assert.That(room.Members.Select(m => m.UserId), Is.EquivalentTo(new[] { "alice", "carol" }));
    }

    [Test]
    public void The_last_member_leaving_empties_the_group()
    {
        var room = GroupOf("alice", "bob");

        Assert.That(room.Leave("bob"), Is.False);
        Assert.That(room.Leave("alice"), Is.True);
    }

    [Test]
    public void Private_and_public_rooms_cannot_be_left()
    {
        Assert.Throws<DomainRuleException>(() => ChatRoom.OpenPrivate("alice", "bob", Now).Leave("alice"));
        Assert.Throws<DomainRuleException>(() => new ChatRoom(ChatRoom.PublicChatName, RoomKind.Public, Now).Leave("alice"));
    }
}
