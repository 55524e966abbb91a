using RtChat.Web.Domain;
using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Tests.Domain.Chat;

/// <summary>What the site's admins may do to any room, whoever its own admin is.</summary>
public sealed class ChatRoomModerationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_site_admin_renames_a_group_they_do_not_run_under_the_same_name_rules()
    {
        var group = ChatRoom.CreateGroup("Hikers", "its-admin", Now);

        group.RenameAsSiteAdmin("  Book club ");

        Assert.That(group.Title, Is.EqualTo("Book club"));
        Assert.That(() => group.RenameAsSiteAdmin(" "), Throws.TypeOf<DomainRuleException>());
    }

    [Test]
    public void Only_groups_have_a_name_to_change()
    {
        var pair = ChatRoom.OpenPrivate("alice", "bob", Now);

        Assert.That(() => pair.RenameAsSiteAdmin("Secret"), Throws.TypeOf<DomainRuleException>());
        Assert.That(pair.Title, Is.Null);
    }

    [Test]
    public void Every_room_but_the_public_chat_may_be_deleted()
    {
        var publicChat = new ChatRoom(ChatRoom.PublicChatName, RoomKind.Public, Now);

        Assert.That(publicChat.EnsureDeletableBySiteAdmin, Throws.TypeOf<DomainRuleException>());
        Assert.That(ChatRoom.CreateGroup("Hikers", "a", Now).EnsureDeletableBySiteAdmin, Throws.Nothing);
        Assert.That(ChatRoom.OpenPrivate("a", "b", Now).EnsureDeletableBySiteAdmin, Throws.Nothing);
    }
}
