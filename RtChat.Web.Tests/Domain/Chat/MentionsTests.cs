using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Tests.Domain.Chat;

/// <summary>Which <c>@username</c> in a body are mentions.</summary>
public sealed class MentionsTests
{
    [TestCase("@alice hello", "alice")]
    [TestCase("hello @alice", "alice")]
    [TestCase("hello @Alice!", "alice")]
    [TestCase("(@alice), @bob_1-x.", "alice bob_1-x")]
    [TestCase("line one\n@alice", "alice")]
    public void A_username_after_an_at_sign_is_named(string body, string names)
    {
        Assert.That(Mentions.Named(body), Is.EqualTo(names.Split(' ')));
    }

    [TestCase("mail me at alice@example.com")]
    [TestCase("see https://social.example/@alice")]
    [TestCase("@al is too short")]
    [TestCase("@abcdefghijklmnopqrstu is too long")]
    [TestCase("@@alice")]
    [TestCase("no at sign at all")]
    public void Other_at_signs_name_nobody(string body)
    {
        Assert.That(Mentions.Named(body), Is.Empty);
    }

    [Test]
    public void Names_are_looked_up_at_most_fifty_at_a_time()
    {
        var body = string.Join(' ', Enumerable.Range(1, 200).Select(i => $"@user{i:000}"));

        Assert.That(Mentions.Named(body), Has.Count.EqualTo(Mentions.MaxLookedUp));
    }
}
