using RtChat.Web.Domain;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Tests.Domain.Chat;

public sealed class ChatMessageReactionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static ChatMessage Message() =>
        new ChatRoom(ChatRoom.PublicChatName, RoomKind.Public, Now).Post("author", "Hello", new MessageRules(), Now);

    private static IEnumerable<(string, string)> Reactions(ChatMessage message) => message.Reactions.Select(r => (r.UserId, r.Emoji));

    [Test]
    public void A_toggle_puts_the_reaction_on_and_a_second_takes_it_off()
    {
        var message = Message();

        var on = message.ToggleReaction("alice", "👍", Now);
        var afterFirst = Reactions(message).ToList();
        var off = message.ToggleReaction("alice", "👍", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(on, Is.True);
            Assert.That(afterFirst, Is.EqualTo(new[] { ("alice", "👍") }));
            Assert.That(off, Is.False);
            Assert.That(message.Reactions, Is.Empty);
        }
    }

    [Test]
    public void Two_people_react_with_the_same_emoji_and_each_takes_only_their_own_off()
    {
        var message = Message();
        message.ToggleReaction("alice", "👍", Now);
        message.ToggleReaction("bob", "👍", Now);

        message.ToggleReaction("alice", "👍", Now);

        Assert.That(Reactions(message), Is.EqualTo(new[] { ("bob", "👍") }));
    }

    [Test]
    public void One_person_may_react_with_several_emoji()
    {
        var message = Message();

        message.ToggleReaction("alice", "👍", Now);
        message.ToggleReaction("alice", "🎉", Now);

        Assert.That(Reactions(message), Is.EquivalentTo(new[] { ("alice", "👍"), ("alice", "🎉") }));
    }

    [TestCase("🍕")]
    [TestCase("👍🏽")]
    [TestCase("thumbsup")]
    [TestCase("")]
    [TestCase(null)]
    public void An_emoji_outside_the_set_is_refused(string? emoji)
    {
        var message = Message();

        var refused = Assert.Throws<DomainRuleException>(() => message.ToggleReaction("alice", emoji, Now));

        Assert.That(refused!.Message, Is.EqualTo(Reaction.Refusal).And.Contain("👍"));
        Assert.That(message.Reactions, Is.Empty);
    }

    [Test]
    public void A_deleted_message_takes_no_reactions()
    {
        var message = Message();
        message.Delete("author", Now);

        var refused = Assert.Throws<DomainRuleException>(() => message.ToggleReaction("alice", "👍", Now));

        Assert.That(refused!.Message, Is.EqualTo("This message was deleted."));
    }

    [Test]
    public void Every_allowed_emoji_is_accepted()
    {
        var message = Message();

        foreach (var emoji in Reaction.Allowed) message.ToggleReaction("alice", emoji, Now);

        Assert.That(message.Reactions.Select(r => r.Emoji), Is.EqualTo(Reaction.Allowed));
    }
}
