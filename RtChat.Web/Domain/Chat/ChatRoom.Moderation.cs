namespace RtChat.Web.Domain.Chat;

/// <summary>What the site's admins may do to any room, whoever its own admin is.</summary>
public partial class ChatRoom
{
    public void RenameAsSiteAdmin(string? title)
    {
        if (Kind != RoomKind.Group) throw new DomainRuleException("Only groups have a name to change.");
        Title = CleanTitle(title);
    }

    public void EnsureDeletableBySiteAdmin()
    {
        if (Kind == RoomKind.Public) throw new DomainRuleException("The public chat cannot be deleted.");
    }
}
