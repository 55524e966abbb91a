using RtChat.Web.Domain;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Tests.Domain.Chat;

public sealed class ChatRoomSharingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly MessageRules Rules = new(MaxLength: 10);

    private static Attachment File() => Attachment.File("0123456789abcdef0123456789abcdef.bin", "notes.txt", "text/plain", 5);

    [Test]
    public void A_member_shares_a_file_without_a_caption()
    {
        var group = ChatRoom.CreateGroup("Team", "ann", Now);

        var message = group.Share("ann", File(), "  ", Rules, Now);

        Assert.That((message.Body, message.Attachment?.Name, message.AuthorId), Is.EqualTo(("", "notes.txt", "ann")));
    }

    [Test]
    public void The_caption_is_cleaned_like_a_message()
    {
        var message = ChatRoom.CreateGroup("Team", "ann", Now).Share("ann", File(), " two\r\nlines ", Rules, Now);

        Assert.That(message.Body, Is.EqualTo("two\nlines"));
    }

    [Test]
    public void A_caption_over_the_limit_is_refused() =>
        Assert.That(() => ChatRoom.CreateGroup("Team", "ann", Now).Share("ann", File(), new string('x', 11), Rules, Now),
            Throws.TypeOf<DomainRuleException>().With.Message.Contains("at most 10"));

    [Test]
    public void Someone_outside_the_group_cannot_share_in_it() =>
        Assert.That(() => ChatRoom.CreateGroup("Team", "ann", Now).Share("bob", File(), null, Rules, Now),
            Throws.TypeOf<DomainRuleException>());

    [Test]
    public void A_picture_keeps_both_keys_and_sizes()
    {
        var attachment = Attachment.Image("p.jpg", new StoredImage("a.webp", "image/webp", 900, 2048, 1365), new StoredImage("b.webp", "image/webp", 90, 360, 240), wasAnimated: false);

        Assert.That((attachment.IsImage, attachment.FileKeys), Is.EqualTo((true, new[] { "a.webp", "b.webp" })));
        Assert.That((attachment.Width, attachment.ThumbnailWidth, attachment.ThumbnailHeight), Is.EqualTo((2048, 360, 240)));
    }
}
