using RtChat.Web.Components.Chat;

namespace RtChat.Web.Tests.Components.Chat;

public sealed class ReactionViewTests
{
    [TestCase(new[] { "alice" }, "alice")]
    [TestCase(new[] { "alice", "bob" }, "alice and bob")]
    [TestCase(new[] { "alice", "bob", "carol" }, "alice, bob and carol")]
    [TestCase(new[] { "a", "b", "c", "d", "e" }, "a, b, c, d and e")]
    [TestCase(new[] { "a", "b", "c", "d", "e", "f" }, "a, b, c, d, e and 1 other")]
    [TestCase(new[] { "a", "b", "c", "d", "e", "f", "g", "h" }, "a, b, c, d, e and 3 others")]
    public void Names_are_listed_up_to_a_cap_then_counted(string[] names, string expected) =>
        Assert.That(ReactionView.Describe(names), Is.EqualTo(expected));

    [Test]
    public void A_pill_counts_its_reactors_and_carries_their_ids_for_the_pages_css()
    {
        var pill = ReactionView.Of("👍", [("id-1", "alice"), ("id-2", "bob")]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pill.Count, Is.EqualTo(2));
            Assert.That(pill.ReactorIds, Is.EqualTo("id-1 id-2"));
            Assert.That(pill.Title, Is.EqualTo("alice and bob reacted with 👍"));
        }
    }

    [Test]
    public void Lists_of_the_same_reactions_are_equal_so_messages_with_them_are_too()
    {
        var one = MessageItemTests.View() with { Reactions = new([ReactionView.Of("👍", [("id-1", "alice")])]) };
        var same = MessageItemTests.View() with { Reactions = new([ReactionView.Of("👍", [("id-1", "alice")])]) };
        var other = MessageItemTests.View() with { Reactions = new([ReactionView.Of("👍", [("id-2", "bob")])]) };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(same, Is.EqualTo(one));
            Assert.That(same.GetHashCode(), Is.EqualTo(one.GetHashCode()));
            Assert.That(other, Is.Not.EqualTo(one));
        }
    }
}
