using RtChat.Web.Domain;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Domain.Chat;

/// <summary>Its author edits a message within the window, and deletes it at any time, leaving a tombstone.</summary>
public sealed class ChatMessageTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly MessageRules Rules = new(MaxLength: 20);

    private readonly ManualClock _clock = new();

    private ChatMessage Sent(string body = "First words") =>
        new ChatRoom(ChatRoom.PublicChatName, RoomKind.Public, _clock.Now).Post("ann", body, Rules, _clock.Now);

    private ChatMessage SharedFile(string caption = "A caption") =>
        ChatRoom.CreateGroup("Team", "ann", _clock.Now)
            .Share("ann", Attachment.File("0123456789abcdef0123456789abcdef.bin", "notes.txt", "text/plain", 5), caption, Rules, _clock.Now);

    private bool Edit(ChatMessage message, string? body, string editor = "ann") =>
        message.Edit(editor, body, Rules, _clock.GetUtcNow(), Window);

    [Test]
    public void Its_author_edits_it_and_it_shows_when()
    {
        var message = Sent();
        _clock.Now += TimeSpan.FromMinutes(3);

        var changed = Edit(message, "  Better words \r\n ");

        Assert.That((changed, message.Body, message.EditedAt), Is.EqualTo((true, "Better words", _clock.Now)));
    }

    [Test]
    public void Only_the_author_can_edit()
    {
        var message = Sent();

        Assert.That(() => Edit(message, "Not mine", editor: "bob"),
            Throws.TypeOf<DomainRuleException>().With.Message.EqualTo("Only its author can edit a message."));
        Assert.That((message.Body, message.EditedAt), Is.EqualTo(("First words", (DateTimeOffset?)null)));
    }

    [Test]
    public void Only_the_author_can_delete()
    {
        var message = Sent();

        Assert.That(() => message.Delete("bob", _clock.Now),
            Throws.TypeOf<DomainRuleException>().With.Message.EqualTo("Only its author can delete a message."));
        Assert.That((message.IsDeleted, message.Body), Is.EqualTo((false, "First words")));
    }

    [Test]
    public void An_edit_at_the_end_of_the_window_is_taken_and_one_a_moment_later_refused()
    {
        var message = Sent();
        _clock.Now += Window;
        Assert.That(Edit(message, "Just in time"), Is.True);

        _clock.Now += TimeSpan.FromSeconds(1);

        Assert.That(() => Edit(message, "Too late"),
            Throws.TypeOf<DomainRuleException>().With.Message.EqualTo("Messages can be edited for 15 minutes after sending."));
        Assert.That(message.Body, Is.EqualTo("Just in time"));
    }

    [Test]
    public void The_window_counts_from_sending_not_from_the_last_edit()
    {
        var message = Sent();
        _clock.Now += TimeSpan.FromMinutes(10);
        Edit(message, "Edited once");
        _clock.Now += TimeSpan.FromMinutes(10);

        Assert.That(() => Edit(message, "Edited twice"), Throws.TypeOf<DomainRuleException>());
    }

    [Test]
    public void The_same_text_is_no_change()
    {
        var message = Sent();
        _clock.Now += TimeSpan.FromMinutes(1);

        var changed = Edit(message, " First words\n");

        Assert.That((changed, message.EditedAt), Is.EqualTo((false, (DateTimeOffset?)null)));
    }

    [Test]
    public void A_deleted_message_cannot_be_edited()
    {
        var message = Sent();
        message.Delete("ann", _clock.Now);

        Assert.That(() => Edit(message, "Back again"),
            Throws.TypeOf<DomainRuleException>().With.Message.EqualTo("This message was deleted."));
        Assert.That(message.Body, Is.Empty);
    }

    [TestCase("")]
    [TestCase("  \n ")]
    public void A_text_message_may_not_become_empty(string body)
    {
        var message = Sent();

        Assert.That(() => Edit(message, body), Throws.TypeOf<DomainRuleException>().With.Message.EqualTo("Write something before sending."));
        Assert.That(message.Body, Is.EqualTo("First words"));
    }

    [Test]
    public void A_caption_of_a_file_message_may_become_empty()
    {
        var message = SharedFile();

        Assert.That((Edit(message, "  "), message.Body, message.Attachment?.Name), Is.EqualTo((true, "", "notes.txt")));
    }

    [Test]
    public void An_edit_over_the_length_limit_is_refused()
    {
        var message = Sent();

        Assert.That(() => Edit(message, new string('x', 21)),
            Throws.TypeOf<DomainRuleException>().With.Message.StartsWith("Messages are at most 20 characters; this one has 21"));
        Assert.That(message.Body, Is.EqualTo("First words"));
    }

    [Test]
    public void Deleting_leaves_a_tombstone_without_text_or_file()
    {
        var message = SharedFile();
        _clock.Now += TimeSpan.FromHours(5);

        var deleted = message.Delete("ann", _clock.Now);

        Assert.That((deleted, message.IsDeleted, message.DeletedAt, message.Body, message.Attachment),
            Is.EqualTo((true, true, (DateTimeOffset?)_clock.Now, "", (Attachment?)null)));
    }

    [Test]
    public void Deleting_has_no_window()
    {
        var message = Sent();
        _clock.Now += TimeSpan.FromDays(400);

        Assert.That(message.Delete("ann", _clock.Now), Is.True);
    }

    [Test]
    public void Deleting_twice_changes_nothing_the_second_time()
    {
        var message = Sent();
        message.Delete("ann", _clock.Now);
        var first = message.DeletedAt;
        _clock.Now += TimeSpan.FromMinutes(1);

        Assert.That((message.Delete("ann", _clock.Now), message.DeletedAt), Is.EqualTo((false, first)));
    }

    [Test]
    public void Whether_it_can_be_edited_is_told_without_editing()
    {
        var message = Sent();

        Assert.That(() => message.EnsureEditable("ann", _clock.Now, Window), Throws.Nothing);
        Assert.That(() => message.EnsureEditable("bob", _clock.Now, Window), Throws.TypeOf<DomainRuleException>());
        Assert.That(() => message.EnsureEditable("ann", _clock.Now + Window + TimeSpan.FromTicks(1), Window), Throws.TypeOf<DomainRuleException>());
    }
}
